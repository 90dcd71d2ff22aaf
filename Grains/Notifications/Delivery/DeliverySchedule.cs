namespace Planekeeper.Grains.Notifications.Delivery;

/// <summary>Where a delivery goes after an attempt: its next status, and when it is tried again.</summary>
public sealed record DeliveryStep(string Status, DateTime? NextAttemptAt);

/// <summary>
/// The retry decision (docs/notifications.md, "Delivery statuses and retries"): success ends it; a retryable failure
/// waits the schedule's delay for that attempt (or longer, if the receiver asked with <c>Retry-After</c>) until the
/// last attempt, after which it is dead; a permanent failure or a blocked address is dead at once.
/// </summary>
public static class DeliverySchedule
{
    public static DeliveryStep After(DeliveryAttemptResult result, int attempts, DateTime now, IReadOnlyList<TimeSpan> schedule)
    {
        if (result.Succeeded)
        {
            return new DeliveryStep(DeliveryStatuses.Succeeded, null);
        }

        if (result.Failure != DeliveryFailureKind.Retryable || attempts > schedule.Count)
        {
            return new DeliveryStep(DeliveryStatuses.Dead, null);
        }

        var delay = schedule[attempts - 1];
        if (result.RetryAfter is { } asked && asked > delay)
        {
            delay = asked < schedule[^1] ? asked : schedule[^1];
        }

        return new DeliveryStep(DeliveryStatuses.Failed, now + delay);
    }
}
