using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>The throttles in front of password hashing, and the lock that a stranger cannot keep up.</summary>
public class SignInThrottleTests(FloodDefenceSystem system) : IClassFixture<FloodDefenceSystem>
{
    private const string Password = "a long enough password";

    [Fact]
    public async Task An_address_gets_a_few_attempts_then_429_before_any_password_is_checked()
    {
        using var owner = system.Client(from: FloodDefenceSystem.NewAddress());
        await owner.SignUpAsync("address-target@example.com");

        using var guesser = system.Client(from: FloodDefenceSystem.NewAddress());
        for (var i = 0; i < FloodDefenceSystem.SignInsPerAddress; i++)
        {
            await guesser.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/auth/login", new { email = $"nobody-{i}@example.com", password = "wrong password" });
        }

        using var refused = await guesser.SendAsync(HttpMethod.Post, "/api/v1/auth/login", new { email = "address-target@example.com", password = "wrong password" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("address", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.True(refused.Headers.Contains("Retry-After"));
        await guesser.ExpectAsync(HttpStatusCode.TooManyRequests, HttpMethod.Post, "/api/v1/auth/signup", new { email = "late@example.com", password = Password });
        Assert.Equal(0, await system.FailedSignInsAsync("address-target@example.com"));
    }

    [Fact]
    public async Task An_account_gets_a_few_attempts_from_all_addresses_together_but_its_known_client_keeps_its_own()
    {
        using var owner = system.Client(from: FloodDefenceSystem.NewAddress());
        await owner.SignUpAsync("account-target@example.com"); // sign-up and sign-in: two of the account's attempts

        for (var i = 2; i < FloodDefenceSystem.SignInsPerAccount; i++)
        {
            using var stranger = system.Client(system.Second, FloodDefenceSystem.NewAddress());
            await stranger.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/auth/login", new { email = "account-target@example.com", password = "wrong password" });
        }

        using var last = system.Client(from: FloodDefenceSystem.NewAddress());
        var refused = await last.ExpectAsync(HttpStatusCode.TooManyRequests, HttpMethod.Post, "/api/v1/auth/login", new { email = "Account-Target@example.com", password = Password });
        Assert.Contains("account", refused.GetProperty("detail").GetString());
        Assert.Equal(FloodDefenceSystem.SignInsPerAccount - 2, await system.FailedSignInsAsync("account-target@example.com"));

        await owner.SignInAsync("account-target@example.com", Password);
    }

    [Fact]
    public async Task A_password_longer_than_sign_up_allows_is_refused_before_hashing()
    {
        using var owner = system.Client(system.Unthrottled, FloodDefenceSystem.NewAddress());
        await owner.SignUpAsync("long-password@example.com");

        using var sender = system.Client(system.Unthrottled, FloodDefenceSystem.NewAddress());
        var refused = await sender.ExpectAsync(
            HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/auth/login", new { email = "long-password@example.com", password = new string('x', 1025) });
        Assert.True(refused.GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal(0, await system.FailedSignInsAsync("long-password@example.com"));
    }

    [Fact]
    public async Task A_stranger_locking_the_account_does_not_keep_out_the_browser_that_signed_in_before()
    {
        using var owner = system.Client(system.Unthrottled, FloodDefenceSystem.NewAddress());
        await owner.SignUpAsync("locked-owner@example.com");

        using var stranger = system.Client(system.Unthrottled, FloodDefenceSystem.NewAddress());
        await LockAsync(stranger, "locked-owner@example.com");
        await stranger.ExpectAsync(HttpStatusCode.TooManyRequests, HttpMethod.Post, "/api/v1/auth/login", new { email = "locked-owner@example.com", password = Password });

        await owner.SignInAsync("locked-owner@example.com", Password);
    }

    [Fact]
    public async Task A_lock_decays_so_slow_guessing_never_holds_the_longest_lock()
    {
        using var owner = system.Client(system.Unthrottled, FloodDefenceSystem.NewAddress());
        await owner.SignUpAsync("decaying@example.com");
        using var stranger = system.Client(system.Unthrottled, FloodDefenceSystem.NewAddress());
        await LockAsync(stranger, "decaying@example.com");

        // A guess after each lock ends doubles the lock…
        for (var lockSeconds = 30; lockSeconds <= 120; lockSeconds *= 2)
        {
            system.Clock.AdvanceTo(system.Clock.GetUtcNow().AddSeconds(lockSeconds + 1));
            await stranger.ExpectAsync(HttpStatusCode.TooManyRequests, HttpMethod.Post, "/api/v1/auth/login", new { email = "decaying@example.com", password = "wrong again" });
        }

        // …but after a quiet quarter of an hour past the last lock the count starts again from nothing.
        system.Clock.AdvanceTo(system.Clock.GetUtcNow().AddSeconds(240 + 15 * 60 + 1));
        for (var attempt = 1; attempt < 5; attempt++)
        {
            await stranger.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/auth/login", new { email = "decaying@example.com", password = "wrong after the pause" });
        }

        Assert.Equal(4, await system.FailedSignInsAsync("decaying@example.com"));
    }

    private static async Task LockAsync(ApiClient stranger, string email)
    {
        for (var attempt = 1; attempt < 5; attempt++)
        {
            await stranger.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/auth/login", new { email, password = $"guess {attempt}" });
        }

        await stranger.ExpectAsync(HttpStatusCode.TooManyRequests, HttpMethod.Post, "/api/v1/auth/login", new { email, password = "guess 5" });
    }
}
