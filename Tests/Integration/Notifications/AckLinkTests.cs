using System.Net;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Alerts;
using Planekeeper.Tests.Integration.Notifications.Support;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Notifications;

/// <summary>Acknowledge links of a channel that requires signing in: who may use them, and links that are tampered with or expired.</summary>
public class AckLinkTests(ClockedAckLinkSystem system) : IClassFixture<ClockedAckLinkSystem>
{
    [Fact]
    public async Task A_link_needs_a_signed_in_member_who_may_acknowledge_and_refuses_tampered_and_expired_tokens()
    {
        var (owner, key) = await system.OrganizationAsync("ack-auth");
        await using var receiver = await ReceiverStandIn.StartAsync();
        await owner.RouteEverythingToAsync(await owner.CreateChannelAsync("webhook", new { url = receiver.Url.ToString() }, requireAckAuth: true));
        var (viewer, _) = await owner.AddMemberAsync("ack-viewer@example.com", "viewer");
        var (member, _) = await owner.AddMemberAsync("ack-member@example.com", "member");
        var (stranger, _) = await system.OrganizationAsync("ack-stranger");
        var deploy = await system.AlertByHandAsync(owner, key, "ack-auth");
        await deploy("1.0.0");
        var token = (await receiver.ReceivedAsync(1, "the alert.created webhook")).Single().AckToken();
        var issuedBefore = system.Clock.GetUtcNow();

        using var anonymous = system.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(HttpMethod.Get, $"/ack/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(HttpMethod.Post, $"/ack/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.SendAsync(HttpMethod.Post, $"/ack/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.SendAsync(HttpMethod.Post, $"/ack/{token}")).StatusCode);
        var tampered = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");
        var refused = await member.SendAsync(HttpMethod.Post, $"/ack/{tampered}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not valid", await refused.Content.ReadAsStringAsync());
        Assert.False((await owner.AlertsAsync()).Single().GetProperty("acknowledged").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await member.SendAsync(HttpMethod.Post, $"/ack/{token}")).StatusCode);
        var alert = (await owner.AlertsAsync()).Single();
        Assert.True(alert.GetProperty("acknowledged").GetBoolean());
        Assert.StartsWith("user:", alert.GetProperty("acknowledged_by").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await member.SendAsync(HttpMethod.Post, $"/ack/{token}")).StatusCode);

        system.Clock.AdvanceTo(issuedBefore + ClockedAckLinkSystem.Expiry + TimeSpan.FromSeconds(1));
        var expired = await member.SendAsync(HttpMethod.Post, $"/ack/{token}");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync());
    }
}
