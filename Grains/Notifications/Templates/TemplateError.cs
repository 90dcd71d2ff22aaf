namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>Why a template was refused, and where (1-based line and column).</summary>
public sealed record TemplateError(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
