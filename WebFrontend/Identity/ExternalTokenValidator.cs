using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Planekeeper.WebFrontend.Identity;

/// <summary>
/// Validates bearer JWTs from the external identity provider: signature (HS256 shared secret or the
/// provider's JWKS), expiry, issuer when configured, audience; and reads the <c>sub</c> and <c>email</c> claims.
/// </summary>
public sealed class ExternalTokenValidator(ExternalTokenSettings settings, JwksCache jwks)
{
    private readonly JsonWebTokenHandler _handler = new();

    public sealed record Result(string? Subject, string? Email, string? Problem);

    public async Task<Result> ValidateAsync(string token)
    {
        if (!settings.Enabled)
        {
            return new Result(null, null, "bearer tokens are not accepted: no external identity provider is configured");
        }

        var validation = await _handler.ValidateTokenAsync(token, await ParametersAsync());
        if (!validation.IsValid)
        {
            return new Result(null, null, $"the bearer token is not valid: {validation.Exception?.GetType().Name.Replace("SecurityToken", "").Replace("Exception", "") ?? "rejected"}");
        }

        var subject = validation.Claims.TryGetValue("sub", out var sub) ? sub as string : null;
        var email = validation.Claims.TryGetValue("email", out var mail) ? mail as string : null;
        return string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(email)
            ? new Result(null, null, "the bearer token must carry 'sub' and 'email' claims")
            : new Result(subject, email, null);
    }

    private async Task<TokenValidationParameters> ParametersAsync() => new()
    {
        ValidateIssuer = settings.Issuer is not null,
        ValidIssuer = settings.Issuer,
        ValidAudience = settings.Audience,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        IssuerSigningKeys = settings.Secret is not null
            ? [new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.Secret))]
            : await jwks.GetKeysAsync(settings.JwksUrl!),
        ValidAlgorithms = settings.Secret is not null ? [SecurityAlgorithms.HmacSha256] : [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
    };
}
