using Microsoft.Extensions.Logging;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Notifications.Routing;

namespace Planekeeper.Grains.Notifications.Delivery;

/// <summary>
/// Deliveries are never dropped (docs/notifications.md, "Delivery statuses and retries"): every minute and at every
/// silo start this pass wakes the delivery grain of each channel that has deliveries due or an attempt a crash cut off.
/// Every minute it also folds the rules' appended match counts into their rows (<see cref="NotificationRuleStore.FoldCountsAsync"/>).
/// Once a day it deletes succeeded deliveries older than 30 days.
/// </summary>
[GrainType("planekeeper.notifications.delivery-recovery")]
public sealed partial class DeliveryRecoveryGrain(DeliveryQueries queries, NotificationRuleStore rules, TimeProvider clock, ILogger<DeliveryRecoveryGrain> logger)
    : Grain, IDeliveryRecoveryGrain, IRemindable
{
    private const string Sweep = "sweep";
    private const string Cleanup = "cleanup";
    public static readonly TimeSpan SucceededKeptFor = TimeSpan.FromDays(30);

    public async Task StartAsync()
    {
        await this.RegisterOrUpdateReminder(Sweep, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await this.RegisterOrUpdateReminder(Cleanup, TimeSpan.FromMinutes(5), TimeSpan.FromDays(1));
        try
        {
            await WakeDueChannelsAsync();
        }
        catch (Exception e)
        {
            LogFailed(e);
        }
    }

    public async Task<int> WakeDueChannelsAsync()
    {
        var channels = await queries.ChannelsWithDueDeliveriesAsync(clock.GetUtcNow().UtcDateTime);
        foreach (var channel in channels)
        {
            await GrainFactory.GetGrain<IChannelDeliveryGrain>(channel).DeliverAsync();
        }

        return channels.Count;
    }

    public async Task<int> CleanupAsync()
    {
        var purged = await queries.PurgeSucceededAsync(clock.GetUtcNow().UtcDateTime - SucceededKeptFor);
        LogCleanup(purged);
        return purged;
    }

    public Task<int> FoldRuleCountsAsync() => rules.FoldCountsAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName == Cleanup ? CleanupAsync() : SweepAsync();

    private async Task SweepAsync()
    {
        await WakeDueChannelsAsync();
        await FoldRuleCountsAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery cleanup: {Purged} succeeded delivery(ies) older than 30 days deleted")]
    private partial void LogCleanup(int purged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery recovery failed at silo start; the reminder runs it again")]
    private partial void LogFailed(Exception exception);
}
