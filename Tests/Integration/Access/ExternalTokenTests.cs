using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>Bearer JWTs from a Supabase-compatible identity provider: HS256 with a shared secret, RS256 via a JWKS URL.</summary>
public class ExternalTokenTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const string Secret = "a shared secret of at least thirty-two bytes";
    private const string Issuer = "https://idp.example.test/auth/v1";

    private static string Token(SigningCredentials credentials, string subject, string email, string audience = "authenticated", DateTime? expires = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("email", email)]),
            NotBefore = DateTime.UtcNow.AddMinutes(-10),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = credentials,
        });

    private static ApiClient Bearer(Uri baseAddress, string token, out Action<HttpRequestMessage> sign)
    {
        sign = request => request.Headers.Authorization = new("Bearer", token);
        return new ApiClient(baseAddress);
    }

    private static async Task<HttpResponseMessage> MeAsync(Uri baseAddress, string token)
    {
        using var client = Bearer(baseAddress, token, out var sign);
        return await client.SendAsync(HttpMethod.Get, "/api/v1/me", configure: sign);
    }

    [Fact]
    public async Task Hs256_tokens_map_to_one_local_user_and_bad_tokens_are_refused()
    {
        var frontend = await system.StartFrontendAsync(new Dictionary<string, string>
        {
            ["PLANEKEEPER_JWT_SECRET"] = Secret,
            ["PLANEKEEPER_JWT_ISSUER"] = Issuer,
            ["AUTO_APPROVE_USERS"] = "true",
        });
        var signing = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)), SecurityAlgorithms.HmacSha256);

        using var first = await MeAsync(frontend.BaseAddress, Token(signing, "idp-user-1", "jwt@example.com"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var user = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("user");
        Assert.Equal("jwt@example.com", user.GetProperty("email").GetString());
        using var again = await MeAsync(frontend.BaseAddress, Token(signing, "idp-user-1", "jwt@example.com"));
        Assert.Equal(user.GetProperty("id").GetInt64(), JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("user").GetProperty("id").GetInt64());

        var forged = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another secret of at least thirty-two bytes")), SecurityAlgorithms.HmacSha256);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(frontend.BaseAddress, Token(forged, "idp-user-1", "jwt@example.com"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(frontend.BaseAddress, Token(signing, "idp-user-1", "jwt@example.com", audience: "someone-else"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(frontend.BaseAddress, Token(signing, "idp-user-1", "jwt@example.com", expires: DateTime.UtcNow.AddMinutes(-5)))).StatusCode);

        // An email that belongs to a password account is not taken over by a provider account.
        using var local = system.Client();
        await local.SignUpAsync("local@example.com");
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(frontend.BaseAddress, Token(signing, "idp-user-9", "local@example.com"))).StatusCode);

        // Without a configured provider, bearer tokens are refused outright.
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(system.Frontend.BaseAddress, Token(signing, "idp-user-1", "jwt@example.com"))).StatusCode);
    }

    [Fact]
    public async Task Rs256_tokens_are_checked_against_the_providers_jwks()
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "test-key" };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
        var jwks = JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        await using var provider = await StartJwksServerAsync(jwks);
        var frontend = await system.StartFrontendAsync(new Dictionary<string, string>
        {
            ["PLANEKEEPER_JWT_JWKS_URL"] = $"{provider.Urls.First()}/.well-known/jwks.json",
            ["PLANEKEEPER_JWT_ISSUER"] = Issuer,
            ["AUTO_APPROVE_USERS"] = "true",
        });

        var signing = new SigningCredentials(key, SecurityAlgorithms.RsaSha256);
        using var accepted = await MeAsync(frontend.BaseAddress, Token(signing, "idp-user-2", "rsa@example.com"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        using var other = RSA.Create(2048);
        var stranger = new SigningCredentials(new RsaSecurityKey(other) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256);
        using var refused = await MeAsync(frontend.BaseAddress, Token(stranger, "idp-user-2", "rsa@example.com"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static async Task<WebApplication> StartJwksServerAsync(string jwks)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/.well-known/jwks.json", () => Results.Text(jwks, "application/json"));
        await app.StartAsync();
        return app;
    }
}
