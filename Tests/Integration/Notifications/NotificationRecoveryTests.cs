using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Notifications.Support;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Notifications;

/// <summary>A receiver that is down while the silo dies: after recovery the event arrives once, with the delivery's one idempotency key.</summary>
public class NotificationRecoveryTests(NotificationSystem system) : IClassFixture<NotificationSystem>
{
    [Fact]
    public async Task A_delivery_interrupted_by_a_silo_crash_is_delivered_once_after_recovery()
    {
        var (owner, key) = await system.OrganizationAsync("recovery");
        await using var receiver = await ReceiverStandIn.StartAsync();
        await receiver.StopAsync();
        await owner.RouteEverythingToAsync(await owner.CreateChannelAsync("webhook", new { url = receiver.Url.ToString() }));
        var deploy = await system.AlertByHandAsync(owner, key, "recovery");
        await deploy("1.0.0");
        var failing = await Eventually.ReturnsAsync(() => owner.DeliveriesAsync("failed"), items => items.Count == 1, TimeSpan.FromSeconds(20), "a failed attempt");
        var idempotencyKey = failing.Single().GetProperty("idempotency_key").GetString();

        var silo = system.Silos[^1];
        silo.Process.Kill();
        await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        await receiver.RestartAsync();
        await system.StartSiloAsync(samePortsAs: silo);

        var delivered = await receiver.ReceivedAsync(1, "the delivery after recovery", timeoutSeconds: 60);
        // Succeeded is the delivery's final status: it is never due again, and the one grain that writes the row
        // records it only after the attempt's request was answered, so no other attempt can still be on its way.
        await Eventually.ReturnsAsync(() => owner.DeliveriesAsync("succeeded"), items => items.Count == 1, TimeSpan.FromSeconds(30), "the delivery succeeded");
        Assert.Single(receiver.Requests);
        Assert.Equal(idempotencyKey, delivered.Single().Headers["X-Planekeeper-Delivery"]);
    }
}
