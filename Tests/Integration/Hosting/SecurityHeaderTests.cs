using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>Every response carries the security headers; HSTS and forwarded headers only through a trusted proxy.</summary>
public class SecurityHeaderTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private static void AssertSecurityHeaders(HttpResponseMessage response, bool hsts)
    {
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(',', response.Headers.Server)}");
        Assert.Equal(hsts, response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Json_html_and_error_responses_carry_the_headers_and_no_server()
    {
        using var client = system.Client();
        await client.SignUpAsync("headers@example.com");

        foreach (var (path, status, type) in new[]
                 {
                     ("/api/v1/me", HttpStatusCode.OK, "application/json"),
                     ("/health", HttpStatusCode.OK, "application/json"),
                     ("/ack/not-a-real-token", HttpStatusCode.BadRequest, "text/html"),
                     ("/api/v1/no-such-route", HttpStatusCode.NotFound, null),
                 })
        {
            using var response = await client.SendAsync(HttpMethod.Get, path);
            Assert.Equal(status, response.StatusCode);
            if (type is not null)
            {
                Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            }

            AssertSecurityHeaders(response, hsts: false);
        }

        using var anonymous = system.Client();
        using var unauthorized = await anonymous.SendAsync(HttpMethod.Get, "/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("application/problem+json", unauthorized.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(unauthorized, hsts: false);

        using var invalid = await anonymous.SendAsync(HttpMethod.Post, "/api/v1/auth/signup", new { email = "x", password = "short" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        AssertSecurityHeaders(invalid, hsts: false);

        // A client cannot claim https when no proxy is trusted.
        using var claimed = await anonymous.SendAsync(HttpMethod.Get, "/health", configure: r => r.Headers.Add("X-Forwarded-Proto", "https"));
        AssertSecurityHeaders(claimed, hsts: false);
    }

    [Fact]
    public async Task Forwarded_headers_count_only_from_a_trusted_proxy()
    {
        var behindProxy = await system.StartFrontendAsync(new Dictionary<string, string> { ["AUTO_APPROVE_USERS"] = "true", ["PLANEKEEPER_TRUSTED_PROXIES"] = "127.0.0.0/8" });
        var otherProxy = await system.StartFrontendAsync(new Dictionary<string, string> { ["AUTO_APPROVE_USERS"] = "true", ["PLANEKEEPER_TRUSTED_PROXIES"] = "10.0.0.0/8, 192.0.2.1" });

        // The public name, as a proxy passes it on: HSTS is never sent for localhost names (it would pin every local port).
        static void Forwarded(HttpRequestMessage request)
        {
            request.Headers.Host = "planekeeper.example.test";
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        }

        async Task<string?> SignedInFromAsync(PlanekeeperProcesses.FrontendProcess frontend, string email)
        {
            using var client = system.Client(frontend);
            await client.SignUpAsync(email);
            await client.SendAsync(HttpMethod.Post, "/api/v1/auth/login", new { email, password = "a long enough password" }, Forwarded);
            var sessions = await client.OkAsync(HttpMethod.Get, "/api/v1/me/sessions");
            return sessions.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("current").GetBoolean()).GetProperty("ip_address").GetString();
        }

        using var trusted = await system.Client(behindProxy).SendAsync(HttpMethod.Get, "/health", configure: Forwarded);
        AssertSecurityHeaders(trusted, hsts: true);
        Assert.Contains("max-age=", trusted.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Equal("203.0.113.7", await SignedInFromAsync(behindProxy, "proxied@example.com"));

        using var untrusted = await system.Client(otherProxy).SendAsync(HttpMethod.Get, "/health", configure: Forwarded);
        AssertSecurityHeaders(untrusted, hsts: false);
        Assert.Equal("127.0.0.1", await SignedInFromAsync(otherProxy, "unproxied@example.com"));
    }
}
