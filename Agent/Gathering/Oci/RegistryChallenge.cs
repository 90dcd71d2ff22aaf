using System.Text.RegularExpressions;

namespace Planekeeper.Agent.Gathering.Oci;

/// <summary>A registry's 401 challenge, <c>WWW-Authenticate: Bearer realm="…",service="…",scope="…"</c> or <c>Basic realm="…"</c>.</summary>
internal sealed partial record RegistryChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    /// <returns>The Bearer challenge when the answer offers one, else its first; null without any.</returns>
    public static RegistryChallenge? Of(HttpResponseMessage response)
    {
        var offered = response.Headers.WwwAuthenticate;
        var header = offered.FirstOrDefault(challenge => challenge.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)) ?? offered.FirstOrDefault();
        return header is null ? null : new RegistryChallenge(header.Scheme, Parse(header.Parameter ?? ""));
    }

    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, string> Parse(string parameters)
    {
        var parsed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in Parameter().Matches(parameters))
        {
            parsed[match.Groups["key"].Value] = match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["bare"].Value;
        }

        return parsed;
    }

    [GeneratedRegex(@"(?<key>[A-Za-z_]+)\s*=\s*(?:""(?<quoted>[^""]*)""|(?<bare>[^,\s]*))")]
    private static partial Regex Parameter();
}
