namespace Planekeeper.WebFrontend.Identity;

/// <summary>
/// The external identity provider (Supabase-compatible). Bearer JWTs are accepted only when a secret
/// (HS256) or a JWKS URL (RS256/ES256) is configured.
/// </summary>
public sealed record ExternalTokenSettings(string? Secret, Uri? JwksUrl, string? Issuer, string? Audience)
{
    public bool Enabled => Secret is not null || JwksUrl is not null;

    public static ExternalTokenSettings FromConfiguration(IConfiguration configuration)
    {
        var jwks = configuration["PLANEKEEPER_JWT_JWKS_URL"];
        Uri? jwksUrl = null;
        if (!string.IsNullOrWhiteSpace(jwks) && !Uri.TryCreate(jwks, UriKind.Absolute, out jwksUrl))
        {
            throw new Planekeeper.Configuration.StartupConfigurationException($"PLANEKEEPER_JWT_JWKS_URL must be an absolute URL, got '{jwks}'");
        }

        return new ExternalTokenSettings(
            NullIfEmpty(configuration["PLANEKEEPER_JWT_SECRET"]),
            jwksUrl,
            NullIfEmpty(configuration["PLANEKEEPER_JWT_ISSUER"]),
            NullIfEmpty(configuration["PLANEKEEPER_JWT_AUDIENCE"]) ?? "authenticated");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
