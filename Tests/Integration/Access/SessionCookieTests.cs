using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>The session cookie outside plain-http development, and credentials no longer read from cookies.</summary>
public class SessionCookieTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const string PublicUrl = "https://planekeeper.example.test";

    [Fact]
    public async Task With_an_https_public_url_the_session_cookie_is_host_prefixed_secure_http_only_and_lax()
    {
        var frontend = await system.StartFrontendAsync(new Dictionary<string, string> { ["AUTO_APPROVE_USERS"] = "true", ["PLANEKEEPER_PUBLIC_URL"] = PublicUrl });
        using var client = new ApiClient(frontend.BaseAddress) { Origin = PublicUrl };
        await client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/auth/signup", new { email = "host-cookie@example.com", password = "a long enough password" });

        using var login = await client.SendAsync(HttpMethod.Post, "/api/v1/auth/login", new { email = "host-cookie@example.com", password = "a long enough password" });
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.Contains("planekeeper_session=", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.StartsWith("__Host-planekeeper_session=", cookie);
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain="));

        var token = cookie.Split(';')[0]["__Host-planekeeper_session=".Length..];
        void WithCookie(HttpRequestMessage request, string name) => request.Headers.Add("Cookie", $"{name}={token}");
        using var created = await client.SendAsync(HttpMethod.Post, "/api/v1/organizations", new { name = "Over TLS" }, r => WithCookie(r, "__Host-planekeeper_session"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // The origin must be the public URL's, and the unprefixed name is not read at all.
        client.Origin = frontend.BaseAddress.GetLeftPart(UriPartial.Authority);
        using var fromLocal = await client.SendAsync(HttpMethod.Post, "/api/v1/organizations", new { name = "Local" }, r => WithCookie(r, "__Host-planekeeper_session"));
        Assert.Equal(HttpStatusCode.Forbidden, fromLocal.StatusCode);
        using var unprefixed = await client.SendAsync(HttpMethod.Get, "/api/v1/me", configure: r => WithCookie(r, "planekeeper_session"));
        Assert.Equal(HttpStatusCode.Unauthorized, unprefixed.StatusCode);
    }

    [Fact]
    public async Task The_old_api_key_cookie_is_ignored()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("old-cookie@example.com");
        await owner.CreateOrganizationAsync("Old cookie");
        var (_, key) = await owner.CreateApiKeyAsync("ci");

        using var browser = system.Client();
        using var byCookie = await browser.SendAsync(HttpMethod.Get, "/api/v1/members", configure: r => r.Headers.Add("Cookie", $"planekeeper_api_key={key}"));
        Assert.Equal(HttpStatusCode.Unauthorized, byCookie.StatusCode);
        using var byHeader = await browser.SendAsync(HttpMethod.Get, "/api/v1/members", configure: r => r.Headers.Add("X-API-Key", key));
        Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
    }
}
