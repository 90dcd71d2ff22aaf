using System.Net;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>Idle timeout, absolute lifetime and the purge of ended sessions, on a clock the test moves.</summary>
public class SessionExpiryClockTests(ClockedSystem system) : IClassFixture<ClockedSystem>
{
    private async Task<ApiClient> SignedUpAsync(string email)
    {
        var client = system.Client();
        await client.SignUpAsync(email);
        return client;
    }

    private void Advance(TimeSpan by) => system.Clock.AdvanceTo(system.Clock.GetUtcNow() + by);

    private Task<long> RowsAsync(string email) =>
        system.ScalarAsync<long>($"SELECT count(*) FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = '{email}'");

    [Fact]
    public async Task A_session_unused_for_the_idle_timeout_ends_and_activity_keeps_it_alive_until_its_lifetime()
    {
        using var idle = await SignedUpAsync("idle@example.com");

        Advance(TimeSpan.FromHours(23));
        await idle.OkAsync(HttpMethod.Get, "/api/v1/me");
        Advance(TimeSpan.FromHours(24.5));
        await idle.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/me");

        using var busy = await SignedUpAsync("busy@example.com");
        for (var day = 0; day < 13; day++)
        {
            Advance(TimeSpan.FromHours(23));
            await busy.OkAsync(HttpMethod.Get, "/api/v1/me");
        }

        // 13 × 23 h = 299 h of a 336 h lifetime; two more steps pass the end however active the session is.
        Advance(TimeSpan.FromHours(23));
        await busy.OkAsync(HttpMethod.Get, "/api/v1/me");
        Advance(TimeSpan.FromHours(23));
        await busy.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/me");
    }

    [Fact]
    public async Task Ended_sessions_are_purged_on_a_reminder()
    {
        using var active = await SignedUpAsync("purge-active@example.com");
        using var idle = await SignedUpAsync("purge-idle@example.com");
        using var signedOut = await SignedUpAsync("purge-out@example.com");
        await signedOut.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, "/api/v1/auth/logout");

        Advance(TimeSpan.FromHours(12));
        await active.OkAsync(HttpMethod.Get, "/api/v1/me");
        Advance(TimeSpan.FromHours(12.5));
        await active.OkAsync(HttpMethod.Get, "/api/v1/me");

        Assert.True(await system.Grains.GetGrain<ISessionRetentionGrain>(0).PurgeAsync() >= 2);
        Assert.Equal(1, await RowsAsync("purge-active@example.com"));
        Assert.Equal(0, await RowsAsync("purge-idle@example.com"));
        Assert.Equal(0, await RowsAsync("purge-out@example.com"));
        await active.OkAsync(HttpMethod.Get, "/api/v1/me");

        Assert.Equal(1, await system.ScalarAsync<long>(
            "SELECT count(*) FROM orleansreminderstable WHERE remindername = 'purge' AND grainid LIKE '%session-retention%'"));
    }
}
