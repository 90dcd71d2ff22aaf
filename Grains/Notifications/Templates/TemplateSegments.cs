namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>A stretch of template source: literal text, or the inside of an action.</summary>
internal abstract record TemplateSegment;

/// <summary>Literal text, already trimmed where a neighbouring trim marker asked for it.</summary>
internal sealed record TextSegment(string Text) : TemplateSegment;

/// <summary>The inside of <c>{{ … }}</c> without trim markers; <see cref="Index"/> is where it starts in the source.</summary>
internal sealed record ActionSegment(string Content, int Index) : TemplateSegment;
