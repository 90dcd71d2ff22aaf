namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>A parsed template, or the error that stopped the parse (exactly one of the two is set).</summary>
public sealed record TemplateParseResult(NotificationTemplate? Template, TemplateError? Error);
