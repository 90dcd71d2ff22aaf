namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>Wakes channels whose deliveries are due or were cut off by a crash; cleans up old succeeded deliveries (key 0).</summary>
[Alias("planekeeper.notifications.delivery-recovery")]
public interface IDeliveryRecoveryGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the reminders (idempotent) and runs a pass.</summary>
    [Alias("start")]
    Task StartAsync();

    /// <summary>One pass; returns how many channels were woken.</summary>
    [Alias("wake")]
    Task<int> WakeDueChannelsAsync();

    [Alias("cleanup")]
    Task<int> CleanupAsync();

    /// <summary>Folds the notification rules' appended match counts into their rows (every minute); returns the rows folded.</summary>
    [Alias("fold-rule-counts")]
    Task<int> FoldRuleCountsAsync();
}
