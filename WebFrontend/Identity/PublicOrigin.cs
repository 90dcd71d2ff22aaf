using Planekeeper.Configuration;
using Planekeeper.WebFrontend.Hosting.Surfaces;

namespace Planekeeper.WebFrontend.Identity;

/// <summary>
/// <c>PLANEKEEPER_PUBLIC_URL</c>: the address browsers use to reach the frontend (default
/// <c>http://localhost:&lt;PLANEKEEPER_HTTP_PORT&gt;</c>). Cookie-authenticated writes must come from its origin, and
/// an <c>http</c> URL means plain-http development: the session cookie then loses its <c>__Host-</c> prefix and
/// <c>Secure</c> flag, which browsers would refuse over http (docs/security.md, "Browsers: CSRF, cookies, sessions").
/// </summary>
public sealed record PublicOrigin(string Origin, bool IsPlainHttp, string SettingName = PublicOrigin.Setting)
{
    public const string Setting = "PLANEKEEPER_PUBLIC_URL";

    public static PublicOrigin FromConfiguration(IConfiguration configuration)
    {
        var value = configuration[Setting]?.Trim() is { Length: > 0 } configured
            ? configured
            : $"http://localhost:{configuration["PLANEKEEPER_HTTP_PORT"] ?? FrontendListeners.DefaultPublicPort.ToString()}";
        return Parse(value) ?? throw new StartupConfigurationException($"{Setting} must be an http(s) URL such as https://planekeeper.example.com, got '{value}'");
    }

    /// <param name="settingName">The setting the address came from, named when a request is refused for its origin.</param>
    public static PublicOrigin? Parse(string value, string settingName = Setting) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0
            ? new PublicOrigin(uri.GetLeftPart(UriPartial.Authority), uri.Scheme == "http", settingName)
            : null;

    /// <summary>Whether an <c>Origin</c> header names this origin (browsers send scheme, host and a non-default port).</summary>
    public bool Matches(string origin) => string.Equals(origin.TrimEnd('/'), Origin, StringComparison.OrdinalIgnoreCase);
}
