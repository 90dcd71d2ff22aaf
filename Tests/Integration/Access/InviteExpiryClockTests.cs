using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>An invite's seven days, counted on the silo's clock, which the test moves.</summary>
public class InviteExpiryClockTests(ClockedSystem system) : IClassFixture<ClockedSystem>
{
    private const string Password = "a long enough password";

    private void Advance(TimeSpan by) => system.Clock.AdvanceTo(system.Clock.GetUtcNow() + by);

    [Fact]
    public async Task An_invite_is_accepted_until_seven_days_have_passed_and_is_expired_after()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("expiry-owner@example.com");
        await owner.CreateOrganizationAsync("Expiring");
        var early = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/invites", new { email = "in-time@example.com", role = "viewer" });
        var late = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/invites", new { email = "too-late@example.com", role = "viewer" });

        Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(1));
        using var inTime = system.Client();
        await inTime.SignUpAsync("in-time@example.com");
        await inTime.OkAsync(HttpMethod.Post, $"/api/v1/invites/{early.GetProperty("token").GetString()}/accept");

        Advance(TimeSpan.FromHours(2));
        using var tooLate = system.Client();
        await tooLate.SignUpAsync("too-late@example.com");
        var refused = await tooLate.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/v1/invites/{late.GetProperty("token").GetString()}/accept");
        Assert.Contains("expired", refused.GetProperty("detail").GetString());

        await owner.SignInAsync("expiry-owner@example.com", Password);
        var statuses = (await owner.OkAsync(HttpMethod.Get, "/api/v1/invites")).GetProperty("items").EnumerateArray()
            .ToDictionary(invite => invite.GetProperty("email").GetString()!, invite => invite.GetProperty("status").GetString());
        Assert.Equal("accepted", statuses["in-time@example.com"]);
        Assert.Equal("expired", statuses["too-late@example.com"]);
    }
}
