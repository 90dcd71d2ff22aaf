namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>A piece of a parsed template.</summary>
internal abstract record TemplateNode;

/// <summary>Literal text, written as it is.</summary>
internal sealed record TextNode(string Text) : TemplateNode;

/// <summary><c>{{.Alert.Severity | upper}}</c>: a variable (its path without the dot) and the functions applied in order.</summary>
internal sealed record Pipeline(string Field, IReadOnlyList<string> Functions);

/// <summary>An action that writes its pipeline's value.</summary>
internal sealed record ActionNode(Pipeline Pipeline) : TemplateNode;

/// <summary><c>{{if}}…{{else}}…{{end}}</c>; <c>{{else if}}</c> is an <see cref="IfNode"/> alone in <see cref="Else"/>.</summary>
internal sealed record IfNode(Pipeline Condition, IReadOnlyList<TemplateNode> Then, IReadOnlyList<TemplateNode> Else) : TemplateNode;
