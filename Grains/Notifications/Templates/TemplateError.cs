namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>Why a template was refused, and where (1-based line and column).</summary>
public sealed record TemplateError(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}

/// <summary>A parsed template, or the error that stopped the parse.</summary>
public sealed record TemplateParseResult(NotificationTemplate? Template, TemplateError? Error);

/// <summary>How values are written: as they are (messages), or JSON-string-escaped (webhook bodies, which are JSON).</summary>
public enum TemplateEscaping
{
    None,
    Json,
}
