using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

public class AccountTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task Sign_in_sets_an_http_only_lax_cookie_and_sign_out_ends_the_session()
    {
        using var client = system.Client();
        await client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/auth/signup", new { email = "cookie@example.com", password = "a long enough password" });

        using var login = await client.SendAsync(HttpMethod.Post, "/api/v1/auth/login", new { email = "cookie@example.com", password = "a long enough password" });
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("planekeeper_session="));
        Assert.StartsWith("planekeeper_session=", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain http here; set over https

        var me = await client.OkAsync(HttpMethod.Get, "/api/v1/me");
        Assert.Equal("cookie@example.com", me.GetProperty("user").GetProperty("email").GetString());

        var token = cookie.Split(';')[0]["planekeeper_session=".Length..];
        await client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, "/api/v1/auth/logout");
        using var replay = new ApiClient(system.Frontend.BaseAddress);
        using var replayed = await replay.SendAsync(HttpMethod.Get, "/api/v1/me", configure: r => r.Headers.Add("Cookie", $"planekeeper_session={token}"));
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
    }

    [Fact]
    public async Task Bad_sign_up_input_is_named()
    {
        using var client = system.Client();

        var weak = await client.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/auth/signup", new { email = "weak@example.com", password = "short" });
        Assert.True(weak.GetProperty("errors").TryGetProperty("password", out _));
        var email = await client.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/auth/signup", new { email = "not an email", password = "a long enough password" });
        Assert.True(email.GetProperty("errors").TryGetProperty("email", out _));

        await client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/auth/signup", new { email = "twice@example.com", password = "a long enough password" });
        await client.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, "/api/v1/auth/signup", new { email = "TWICE@example.com", password = "a long enough password" });
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_and_are_audited()
    {
        using var owner = system.Client();
        var userId = await owner.SignUpAsync("target@example.com");
        await owner.CreateOrganizationAsync("Target org");

        using var attacker = system.Client();
        for (var attempt = 1; attempt < 5; attempt++)
        {
            await attacker.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/auth/login", new { email = "target@example.com", password = $"guess number {attempt}" });
        }

        using var locked = await attacker.SendAsync(HttpMethod.Post, "/api/v1/auth/login", new { email = "target@example.com", password = "guess number 5" });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.InRange(int.Parse(locked.Headers.GetValues("Retry-After").Single()), 1, 30);

        // Even the right password is refused while the lock lasts.
        await attacker.ExpectAsync(HttpStatusCode.TooManyRequests, HttpMethod.Post, "/api/v1/auth/login", new { email = "target@example.com", password = "a long enough password" });

        var audit = await owner.OkAsync(HttpMethod.Get, "/api/v1/audit-log?limit=200");
        var actions = audit.GetProperty("items").EnumerateArray()
            .Where(entry => entry.GetProperty("target").GetString() == $"user:{userId}")
            .Select(entry => entry.GetProperty("action").GetString())
            .ToList();
        Assert.Equal(5, actions.Count(action => action == "auth.sign_in_failed"));
        Assert.Contains("auth.account_locked", actions);
        Assert.Contains("auth.sign_in_refused_locked", actions);
    }

    [Fact]
    public async Task Unapproved_accounts_wait_for_a_global_admin_when_auto_approval_is_off()
    {
        var strict = await system.StartFrontendAsync(new Dictionary<string, string> { ["AUTO_APPROVE_USERS"] = "false" });
        using var client = system.Client(strict);
        await client.SignUpAsync("pending@example.com");

        var me = await client.OkAsync(HttpMethod.Get, "/api/v1/me");
        Assert.False(me.GetProperty("user").GetProperty("is_approved").GetBoolean());
        var refused = await client.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/v1/organizations", new { name = "Too early" });
        Assert.Contains("approval", refused.GetProperty("detail").GetString());

        await client.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "/api/v1/internal/users?status=pending");
        using var admin = await system.AdminAsync();
        var pending = await admin.OkAsync(HttpMethod.Get, "/api/v1/internal/users?status=pending");
        var userId = pending.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("email").GetString() == "pending@example.com").GetProperty("id").GetInt64();
        await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/users/{userId}/approve");

        await client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/organizations", new { name = "Approved now" });
    }

    [Fact]
    public async Task The_first_global_admin_exists_and_may_explain_anything()
    {
        using var admin = await system.AdminAsync();
        var me = await admin.OkAsync(HttpMethod.Get, "/api/v1/me");
        Assert.True(me.GetProperty("user").GetProperty("is_global_admin").GetBoolean());
        Assert.Equal(1L, await system.ScalarAsync<long>("SELECT count(*) FROM casbin_rule WHERE ptype = 'g2' AND v1 = 'superadmin'"));
    }
}
