using System.Text;

namespace Planekeeper.WebFrontend.Api;

/// <summary>
/// RFC 4180 CSV: a cell with a comma, quote or line break is quoted (quotes doubled); a cell a spreadsheet would read
/// as a formula (starting with = + - @, tab or carriage return) is prefixed with an apostrophe (docs/api.md).
/// </summary>
public static class Csv
{
    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    public static string Write(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var builder = new StringBuilder(Line(header));
        foreach (var row in rows)
        {
            builder.Append(Line(row));
        }

        return builder.ToString();
    }
}
