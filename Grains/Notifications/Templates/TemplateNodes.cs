namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>A piece of a parsed template.</summary>
public abstract record TemplateNode;

public sealed record TextNode(string Text) : TemplateNode;

/// <summary><c>{{.Alert.Severity | upper}}</c>: a field (null path: the dot itself is not allowed here) and its pipes.</summary>
public sealed record Pipeline(string Field, IReadOnlyList<string> Functions);

public sealed record ActionNode(Pipeline Pipeline) : TemplateNode;

public sealed record IfNode(Pipeline Condition, IReadOnlyList<TemplateNode> Then, IReadOnlyList<TemplateNode> Else) : TemplateNode;
