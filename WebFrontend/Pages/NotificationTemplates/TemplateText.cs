namespace Planekeeper.WebFrontend.Pages.NotificationTemplates;

/// <summary>The editor's text as the grains take it.</summary>
public static class TemplateText
{
    /// <summary>
    /// Browsers send a textarea's line breaks as CR LF; a template's are LF, as the API takes them, so a message does
    /// not carry stray CRs and an error's column counts what the author sees. A lone CR is left alone.
    /// </summary>
    public static string? Normalize(string? text) => text?.Replace("\r\n", "\n", StringComparison.Ordinal);
}
