using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>A user's own sessions: the list, revoking one, others or all, and the password change.</summary>
public class SessionManagementTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const string Password = "a long enough password";

    private async Task<ApiClient> SignedInAsync(string email, string? userAgent = null)
    {
        var client = system.Client();
        using var login = await client.SendAsync(HttpMethod.Post, "/api/v1/auth/login", new { email, password = Password }, r =>
        {
            if (userAgent is not null)
            {
                r.Headers.UserAgent.ParseAdd(userAgent);
            }
        });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return client;
    }

    private static async Task<List<JsonElement>> SessionsAsync(ApiClient client) =>
        (await client.OkAsync(HttpMethod.Get, "/api/v1/me/sessions")).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task The_list_shows_each_session_marks_the_current_one_and_never_a_token()
    {
        using var first = system.Client();
        await first.SignUpAsync("sessions@example.com");
        using var laptop = await SignedInAsync("sessions@example.com", "Firefox/140.0");

        var sessions = await SessionsAsync(laptop);
        Assert.Equal(2, sessions.Count);
        var current = Assert.Single(sessions, s => s.GetProperty("current").GetBoolean());
        Assert.Equal("Firefox/140.0", current.GetProperty("user_agent").GetString());
        Assert.Equal("127.0.0.1", current.GetProperty("ip_address").GetString());
        foreach (var session in sessions)
        {
            Assert.Equal(
                ["created_at", "current", "expires_at", "id", "ip_address", "last_seen_at", "user_agent"],
                session.EnumerateObject().Select(p => p.Name).Order());
        }

        using var stranger = system.Client();
        await stranger.SignUpAsync("sessions-stranger@example.com");
        Assert.Single(await SessionsAsync(stranger));
        await stranger.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"/api/v1/me/sessions/{current.GetProperty("id").GetInt64()}");
        await laptop.OkAsync(HttpMethod.Get, "/api/v1/me");
    }

    [Fact]
    public async Task One_session_others_or_all_can_be_revoked()
    {
        using var phone = system.Client();
        await phone.SignUpAsync("revoke@example.com");
        using var laptop = await SignedInAsync("revoke@example.com");
        using var tablet = await SignedInAsync("revoke@example.com");
        using var desktop = await SignedInAsync("revoke@example.com");

        var phoneSession = (await SessionsAsync(phone)).Single(s => s.GetProperty("current").GetBoolean()).GetProperty("id").GetInt64();
        await laptop.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v1/me/sessions/{phoneSession}");
        await phone.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/me");
        await laptop.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"/api/v1/me/sessions/{phoneSession}");
        Assert.Equal(3, (await SessionsAsync(laptop)).Count);

        var others = await laptop.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, "/api/v1/me/sessions");
        Assert.Equal(2, others.GetProperty("sessions_ended").GetInt32());
        await tablet.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/me");
        await desktop.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/me");
        Assert.Single(await SessionsAsync(laptop));

        using var again = await SignedInAsync("revoke@example.com");
        var all = await laptop.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, "/api/v1/me/sessions?include_current=true");
        Assert.Equal(2, all.GetProperty("sessions_ended").GetInt32());
        await laptop.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/me");
        await again.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/me");
    }

    [Fact]
    public async Task Api_keys_have_no_sessions_or_password()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("session-key@example.com");
        await owner.CreateOrganizationAsync("Session key");
        var (_, key) = await owner.CreateApiKeyAsync("ci", "owner");
        using var script = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        await script.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "/api/v1/me/sessions");
        await script.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/v1/me/password", new { current_password = Password, new_password = "another long password" });
    }

    [Fact]
    public async Task The_first_admin_changes_the_password_and_other_sessions_end()
    {
        using var admin = await system.AdminAsync();
        using var elsewhere = await system.AdminAsync();
        const string changed = "the admin's own new password";

        var wrong = await admin.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/me/password", new { current_password = "not it", new_password = changed });
        Assert.True(wrong.GetProperty("errors").TryGetProperty("current_password", out _));
        var weak = await admin.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/me/password", new { current_password = RunningSystem.AdminPassword, new_password = "short" });
        Assert.True(weak.GetProperty("errors").TryGetProperty("new_password", out _));
        await elsewhere.OkAsync(HttpMethod.Get, "/api/v1/me");

        var done = await admin.OkAsync(HttpMethod.Post, "/api/v1/me/password", new { current_password = RunningSystem.AdminPassword, new_password = changed });
        Assert.Equal(1, done.GetProperty("sessions_ended").GetInt32());
        await admin.OkAsync(HttpMethod.Get, "/api/v1/me");
        await elsewhere.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/me");

        using var fresh = system.Client();
        await fresh.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/auth/login", new { email = RunningSystem.AdminEmail, password = RunningSystem.AdminPassword });
        await fresh.SignInAsync(RunningSystem.AdminEmail, changed);

        // Put it back: other tests of this class may sign in as the admin.
        await fresh.OkAsync(HttpMethod.Post, "/api/v1/me/password", new { current_password = changed, new_password = RunningSystem.AdminPassword });
        Assert.Contains("user.password_changed", await system.ScalarAsync<string>("SELECT string_agg(action, ',') FROM audit_log"));
    }
}
