using System.Net;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Notifications.Support;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Notifications;

/// <summary>Without NOTIFICATION_ALLOW_PRIVATE_URLS, a delivery to a private address is dead at once and never reaches it.</summary>
public class NotificationGuardTests(GuardedNotificationSystem system) : IClassFixture<GuardedNotificationSystem>
{
    [Fact]
    public async Task A_delivery_to_a_local_receiver_is_dead_with_blocked_address_and_the_test_button_says_so()
    {
        var (owner, key) = await system.OrganizationAsync("guarded");
        await using var receiver = await ReceiverStandIn.StartAsync();
        var channel = await owner.CreateChannelAsync("webhook", new { url = $"http://localhost:{receiver.Port}/" });
        await owner.RouteEverythingToAsync(channel);
        var deploy = await system.AlertByHandAsync(owner, key, "guarded");
        await deploy("1.0.0");

        var dead = await Eventually.ReturnsAsync(() => owner.DeliveriesAsync("dead"), items => items.Count == 1, TimeSpan.FromSeconds(20), "a dead delivery");
        var lastError = dead.Single().GetProperty("last_error").GetString()!;
        Assert.StartsWith("blocked_address: localhost resolves to a private or reserved address", lastError);
        Assert.DoesNotContain("127.0.0.1", lastError);
        Assert.Equal(1, dead.Single().GetProperty("attempts").GetInt32());
        var test = await owner.OkAsync(HttpMethod.Post, $"/api/v1/notification-channels/{channel}/test");
        Assert.False(test.GetProperty("succeeded").GetBoolean());
        Assert.StartsWith("blocked_address", test.GetProperty("error").GetString());
        Assert.DoesNotContain("127.0.0.1", test.GetProperty("error").GetString());
        Assert.Empty(receiver.Requests);
    }
}
