using System.Text.RegularExpressions;

namespace Planekeeper.WebFrontend.Pages.NotificationTemplates;

/// <summary>
/// A refused template's error as the editor marks it: the grains say where as text (<c>line 2, column 14: unknown
/// field .Alert.Severty</c>, docs/notifications.md), this finds that position and the template's line it points at,
/// with the indent that puts a caret under the column.
/// </summary>
public sealed partial record TemplateErrorMark(string Message, int Line, int Column, string? SourceLine, string CaretIndent)
{
    /// <summary>
    /// The error's position in <paramref name="source"/>; null when <paramref name="error"/> names none. A line past
    /// the template's end leaves <see cref="SourceLine"/> null; a column past its line's end puts the caret just after it.
    /// </summary>
    public static TemplateErrorMark? From(string error, string? source)
    {
        var match = Position().Match(error);
        if (!match.Success || !int.TryParse(match.Groups["line"].ValueSpan, out var line) || !int.TryParse(match.Groups["column"].ValueSpan, out var column)
            || line < 1 || column < 1)
        {
            return null;
        }

        var lines = (source ?? "").Split('\n');
        if (line > lines.Length)
        {
            return new TemplateErrorMark(error, line, column, null, "");
        }

        var text = lines[line - 1].TrimEnd('\r');
        var before = text[..Math.Min(column - 1, text.Length)];
        // Tabs stay tabs so the caret lines up however wide the browser draws them.
        var indent = string.Concat(before.Select(character => character == '\t' ? '\t' : ' '));
        return new TemplateErrorMark(error, line, column, text, indent);
    }

    [GeneratedRegex(@"\bline (?<line>\d{1,9}), column (?<column>\d{1,9}):", RegexOptions.CultureInvariant)]
    private static partial Regex Position();
}
