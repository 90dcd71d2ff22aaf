using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>Writes made with the session cookie must come from the public origin; forms must carry an antiforgery token.</summary>
public class CrossSiteRequestTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const string Foreign = "https://evil.example";

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(403, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }

    private static HttpContent Form(params (string Name, string Value)[] fields) =>
        new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [Fact]
    public async Task Cookie_writes_from_another_site_or_without_origin_are_refused_and_same_origin_ones_pass()
    {
        using var browser = system.Client();
        await browser.SignUpAsync("csrf-victim@example.com");
        var organizations = new { name = "Forged" };

        browser.Origin = Foreign;
        await AssertRefusedAsync(await browser.SendAsync(HttpMethod.Post, "/api/v1/organizations", organizations));
        await AssertRefusedAsync(await browser.SendAsync(HttpMethod.Post, "/api/v1/organizations", configure: r => r.Content = Form(("name", "Forged"))));

        browser.Origin = null;
        await AssertRefusedAsync(await browser.SendAsync(HttpMethod.Post, "/api/v1/organizations", organizations, r => r.Headers.Add("Sec-Fetch-Site", "cross-site")));
        await AssertRefusedAsync(await browser.SendAsync(HttpMethod.Post, "/api/v1/organizations", organizations));
        await AssertRefusedAsync(await browser.SendAsync(HttpMethod.Post, "/api/v1/auth/logout"));

        // Reading is never refused; the refused writes changed nothing.
        var listed = await browser.OkAsync(HttpMethod.Get, "/api/v1/organizations");
        Assert.Empty(listed.GetProperty("items").EnumerateArray());

        browser.Origin = system.Frontend.BaseAddress.GetLeftPart(UriPartial.Authority);
        await browser.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/organizations", organizations);
        browser.Origin = null;
        using var fetchSameOrigin = await browser.SendAsync(HttpMethod.Post, "/api/v1/organizations", new { name = "Fetched" }, r => r.Headers.Add("Sec-Fetch-Site", "same-origin"));
        Assert.Equal(HttpStatusCode.Created, fetchSameOrigin.StatusCode);
    }

    [Fact]
    public async Task Api_keys_and_bearer_tokens_are_not_checked()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("csrf-keys@example.com");
        await owner.CreateOrganizationAsync("Keys");
        var (_, key) = await owner.CreateApiKeyAsync("ci", "owner");

        using var script = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        script.Origin = Foreign;
        await script.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/api-keys", new { name = "from a foreign origin" });
        script.Origin = null;
        await script.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/api-keys", new { name = "without origin" });

        const string secret = "a shared secret of at least thirty-two bytes";
        var frontend = await system.StartFrontendAsync(new Dictionary<string, string>
        {
            ["PLANEKEEPER_JWT_SECRET"] = secret,
            ["AUTO_APPROVE_USERS"] = "true",
        });
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Audience = "authenticated",
            Subject = new ClaimsIdentity([new Claim("sub", "csrf-idp-user"), new Claim("email", "csrf-jwt@example.com")]),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
        });
        using var bearer = new ApiClient(frontend.BaseAddress) { Origin = Foreign };
        using var created = await bearer.SendAsync(HttpMethod.Post, "/api/v1/organizations", new { name = "Bearer" }, r => r.Headers.Authorization = new("Bearer", token));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_form_post_needs_an_antiforgery_token()
    {
        using var browser = system.Client();
        await browser.SignUpAsync("csrf-form@example.com");

        await AssertRefusedAsync(await browser.SendAsync(HttpMethod.Post, "/api/v1/auth/logout", configure: r => r.Content = Form()));
        await AssertRefusedAsync(await browser.SendAsync(HttpMethod.Post, "/api/v1/auth/logout", configure: r => r.Content = Form(("__RequestVerificationToken", "forged"))));
        await browser.OkAsync(HttpMethod.Get, "/api/v1/me");

        var antiforgery = await browser.OkAsync(HttpMethod.Get, "/api/v1/auth/antiforgery");
        var field = antiforgery.GetProperty("form_field_name").GetString()!;
        Assert.Equal("X-CSRF-TOKEN", antiforgery.GetProperty("header_name").GetString());
        using var signedOut = await browser.SendAsync(
            HttpMethod.Post, "/api/v1/auth/logout", configure: r => r.Content = Form((field, antiforgery.GetProperty("token").GetString()!)));
        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        await browser.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/me");

        // A token fetched by another browser (without this one's antiforgery cookie) does not help.
        await browser.SignInAsync("csrf-form@example.com", "a long enough password");
        using var other = system.Client();
        var stolen = await other.OkAsync(HttpMethod.Get, "/api/v1/auth/antiforgery");
        await AssertRefusedAsync(await browser.SendAsync(
            HttpMethod.Post, "/api/v1/auth/logout", configure: r => r.Content = Form((field, stolen.GetProperty("token").GetString()!))));
    }
}
