using System.Text.RegularExpressions;

namespace Planekeeper.Agent.Gathering.Oci;

/// <summary>The next page of a paginated answer, from <c>Link: &lt;…&gt;; rel="next"</c> (relative to the page's URL).</summary>
internal static partial class LinkHeader
{
    public static Uri? Next(HttpResponseMessage response, Uri page) =>
        response.Headers.TryGetValues("Link", out var values)
            ? values.SelectMany(value => Entry().Matches(value))
                .Where(entry => entry.Groups["rel"].Value.Split(' ').Contains("next", StringComparer.OrdinalIgnoreCase))
                .Select(entry => new Uri(page, entry.Groups["url"].Value))
                .FirstOrDefault()
            : null;

    [GeneratedRegex(@"<(?<url>[^>]*)>\s*;\s*rel\s*=\s*""?(?<rel>[^"";,]*)""?")]
    private static partial Regex Entry();
}
