namespace Planekeeper.WebFrontend.Identity;

/// <summary>
/// Whether a cookie-authenticated request may change anything: safe methods always; unsafe ones only when the
/// browser says the request comes from the origin of the listener it reached (the public or the internal URL) (docs/security.md, "Browsers: CSRF, cookies, sessions").
/// </summary>
public static class CrossSiteRequestPolicy
{
    public static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    /// <returns>Why the request is refused, or null when it may proceed.</returns>
    public static string? Refusal(string method, string? origin, string? fetchSite, PublicOrigin publicOrigin)
    {
        if (IsSafe(method))
        {
            return null;
        }

        if (string.IsNullOrEmpty(origin) && string.IsNullOrEmpty(fetchSite))
        {
            return "a signed-in browser request that changes something must carry an Origin or Sec-Fetch-Site header";
        }

        if (!string.IsNullOrEmpty(fetchSite) && !string.Equals(fetchSite, "same-origin", StringComparison.OrdinalIgnoreCase))
        {
            return $"cross-site request refused (Sec-Fetch-Site: {fetchSite})";
        }

        return !string.IsNullOrEmpty(origin) && !publicOrigin.Matches(origin)
            ? $"cross-origin request refused: Origin {origin} is not {publicOrigin.Origin} ({publicOrigin.SettingName})"
            : null;
    }
}
