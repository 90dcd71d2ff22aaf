using System.Net;
using System.Text.RegularExpressions;

namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>The HTML part of a mail from its text: HTML-encoded, line breaks kept, http(s) addresses clickable.</summary>
public static partial class MailHtml
{
    private const string TrailingPunctuation = ".,;:!?)]'";

    public static string Document(string subject, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(Line);
        return $"""
            <!doctype html>
            <html><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(subject)}</title></head>
            <body style="font-family: sans-serif">
            <p>{string.Join("<br>\n", lines)}</p>
            </body></html>

            """;
    }

    /// <summary>One line, encoded piece by piece so that an address becomes a link and nothing else becomes markup.</summary>
    private static string Line(string line)
    {
        var html = new System.Text.StringBuilder();
        var position = 0;
        foreach (var url in Links().Matches(line).Select(Address))
        {
            html.Append(WebUtility.HtmlEncode(line[position..url.Index]));
            var encoded = WebUtility.HtmlEncode(url.Value);
            html.Append($"<a href=\"{encoded}\">{encoded}</a>");
            position = url.Index + url.Value.Length;
        }

        return html.Append(WebUtility.HtmlEncode(line[position..])).ToString();
    }

    /// <summary>The address without punctuation that ends the sentence around it.</summary>
    private static (int Index, string Value) Address(Match match) => (match.Index, match.Value.TrimEnd(TrailingPunctuation.ToCharArray()));

    [GeneratedRegex("""https?://[^\s<>"]+""")]
    private static partial Regex Links();
}
