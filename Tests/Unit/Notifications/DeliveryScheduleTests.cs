using Planekeeper.Grains.Notifications;
using Planekeeper.Grains.Notifications.Delivery;

namespace Planekeeper.Tests.Unit.Notifications;

public class DeliveryScheduleTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);
    private static readonly IReadOnlyList<TimeSpan> Standard = NotificationSettings.StandardRetrySchedule;

    private static DeliveryAttemptResult Failure(DeliveryFailureKind kind, TimeSpan? retryAfter = null) => new(kind, 500, "boom", null, retryAfter);

    [Fact]
    public void The_standard_schedule_is_twelve_attempts_over_about_sixteen_hours()
    {
        Assert.Equal(12, NotificationSettings.Default.MaxAttempts);
        Assert.Equal(
            ["00:00:10", "00:00:30", "00:01:00", "00:05:00", "00:15:00", "00:30:00", "01:00:00", "02:00:00", "04:00:00", "04:00:00", "04:00:00"],
            Standard.Select(delay => delay.ToString()));
        Assert.InRange(Standard.Aggregate(TimeSpan.Zero, (sum, delay) => sum + delay).TotalHours, 15.5, 16.5);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 30)]
    [InlineData(3, 60)]
    [InlineData(4, 300)]
    [InlineData(11, 14400)]
    public void A_retryable_failure_waits_the_delay_of_its_attempt(int attempt, int seconds)
    {
        var step = DeliverySchedule.After(Failure(DeliveryFailureKind.Retryable), attempt, Now, Standard);
        Assert.Equal((DeliveryStatuses.Failed, Now.AddSeconds(seconds)), (step.Status, step.NextAttemptAt));
    }

    [Fact]
    public void After_the_twelfth_attempt_a_delivery_is_dead() =>
        Assert.Equal(DeliveryStatuses.Dead, DeliverySchedule.After(Failure(DeliveryFailureKind.Retryable), 12, Now, Standard).Status);

    [Theory]
    [InlineData(DeliveryFailureKind.Permanent)]
    [InlineData(DeliveryFailureKind.BlockedAddress)]
    public void Permanent_failures_and_blocked_addresses_are_dead_at_once(DeliveryFailureKind kind) =>
        Assert.Equal(new DeliveryStep(DeliveryStatuses.Dead, null), DeliverySchedule.After(Failure(kind), 1, Now, Standard));

    [Fact]
    public void A_success_ends_the_schedule() =>
        Assert.Equal(new DeliveryStep(DeliveryStatuses.Succeeded, null), DeliverySchedule.After(new DeliveryAttemptResult(DeliveryFailureKind.None, 200, null, "ok"), 3, Now, Standard));

    [Fact]
    public void A_longer_retry_after_is_honoured_up_to_the_longest_delay()
    {
        Assert.Equal(Now.AddMinutes(2), DeliverySchedule.After(Failure(DeliveryFailureKind.Retryable, TimeSpan.FromMinutes(2)), 1, Now, Standard).NextAttemptAt);
        Assert.Equal(Now.AddHours(4), DeliverySchedule.After(Failure(DeliveryFailureKind.Retryable, TimeSpan.FromDays(2)), 1, Now, Standard).NextAttemptAt);
        Assert.Equal(Now.AddSeconds(10), DeliverySchedule.After(Failure(DeliveryFailureKind.Retryable, TimeSpan.FromSeconds(1)), 1, Now, Standard).NextAttemptAt);
    }
}
