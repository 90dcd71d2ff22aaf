using System.Text.Json;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Notifications;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Notifications.Support;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Notifications;

/// <summary>The standard retry schedule walked through to the end with a clock the test moves forward.</summary>
public class DeliveryScheduleClockTests(ClockedNotificationSystem system) : IClassFixture<ClockedNotificationSystem>
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_receiver_that_keeps_failing_is_tried_twelve_times_on_the_standard_schedule_then_the_delivery_is_dead()
    {
        var (owner, key) = await system.OrganizationAsync("long-tiers");
        await using var receiver = await ReceiverStandIn.StartAsync();
        var schedule = NotificationSettings.StandardRetrySchedule;
        for (var i = 0; i <= schedule.Count; i++)
        {
            receiver.AnswerNext(503);
        }

        var channel = await owner.CreateChannelAsync("webhook", new { url = receiver.Url.ToString() });
        await owner.RouteEverythingToAsync(channel);
        var deploy = await system.AlertByHandAsync(owner, key, "long-tiers");
        var attemptedAt = system.Clock.GetUtcNow().UtcDateTime;
        await deploy("1.0.0");

        for (var attempt = 1; attempt <= schedule.Count; attempt++)
        {
            var delivery = await DeliveryAfterAsync(owner, attempt);
            Assert.Equal("failed", delivery.GetProperty("status").GetString());
            var next = delivery.GetProperty("next_attempt_at").GetDateTime().ToUniversalTime();
            Assert.InRange(next - attemptedAt, schedule[attempt - 1], schedule[attempt - 1] + Slack);

            system.Clock.AdvanceTo(next);
            attemptedAt = system.Clock.GetUtcNow().UtcDateTime;
            await system.Grains.GetGrain<IChannelDeliveryGrain>(channel).DeliverAsync();
        }

        var dead = await DeliveryAfterAsync(owner, schedule.Count + 1);
        Assert.Equal("dead", dead.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, dead.GetProperty("next_attempt_at").ValueKind);
        Assert.Equal(503, dead.GetProperty("last_status_code").GetInt32());
        Assert.Equal(schedule.Count + 1, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.Headers["X-Planekeeper-Delivery"]).Distinct());
    }

    private static async Task<JsonElement> DeliveryAfterAsync(ApiClient owner, int attempts) =>
        (await Eventually.ReturnsAsync(() => owner.DeliveriesAsync(), items => items.Single().GetProperty("attempts").GetInt32() == attempts
                && items.Single().GetProperty("status").GetString() is "failed" or "dead",
            TimeSpan.FromSeconds(15), $"attempt {attempts} written")).Single();
}
