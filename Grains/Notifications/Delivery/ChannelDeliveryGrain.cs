using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Notifications.Channels;
using Planekeeper.Grains.Notifications.Templates;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Notifications.Delivery;

/// <summary>
/// The deliveries of one channel (docs/notifications.md, "Delivery statuses and retries"; the channel's definition is
/// <see cref="Channels.NotificationChannelGrain"/>'s, see docs/architecture.md, "Grains"): starts what is due a
/// batch at a time (each attempt counted before it is made), attempts the batch's alerts side by side (one alert's
/// events stay in order), writes each outcome as it comes (outcomes that come during a write go together in the next
/// one), and sets a timer for the next due attempt. Reentrant only so
/// that a wake-up during a pass is remembered instead of queued; a pass runs alone (<see cref="DeliveryPasses"/>, which
/// also retries a failed pass). Whatever a crash interrupts is found again by the delivery recovery pass, which wakes the grain.
/// </summary>
[Reentrant]
[GrainType("planekeeper.notifications.channel-delivery")]
public sealed partial class ChannelDeliveryGrain(
    ChannelDefinitions definitions, DeliveryStore deliveries, NoticeBuilder noticeBuilder, ChannelSenderSet senders, NotificationSettings settings, DeliveryMetrics metrics, TimeProvider clock,
    ILogger<ChannelDeliveryGrain> logger)
    : Grain, IChannelDeliveryGrain
{
    /// <summary>Due deliveries read at once, and so the most attempts of this channel in flight together.</summary>
    private const int BatchSize = 16;

    private readonly GroupCommit<OutcomeBatch> _outcomes = new(batch => deliveries.FinishAttemptsAsync(batch.Outcomes));
    private DeliveryPasses? _passes;
    private IGrainTimer? _timer;

    private long ChannelId => this.GetPrimaryKeyLong();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DeliveryPasses Passes => _passes ??= new DeliveryPasses(PassAsync, ScheduleNext, clock, (e, wait) => LogPassFailed(e, ChannelId, wait.TotalSeconds));

    public Task DeliverAsync()
    {
        Passes.Request();
        return Task.CompletedTask;
    }

    public async Task<CommandResult<DeliveryRecord>> RetryAsync(long deliveryId)
    {
        if (await deliveries.RestartAsync(ChannelId, deliveryId, Now) is not { } restarted)
        {
            return CommandResult<DeliveryRecord>.Conflict($"delivery {deliveryId} is not dead; only dead deliveries can be retried");
        }

        await DeliverAsync();
        return CommandResult<DeliveryRecord>.Ok(restarted);
    }

    /// <summary>
    /// Attempts batches until one is not full (everything due when it started was taken; a wake-up meanwhile runs
    /// another pass). Returns when the earliest delivery left is due.
    /// </summary>
    private async Task<DateTime?> PassAsync()
    {
        while (true)
        {
            var start = await deliveries.StartPassAsync(ChannelId, Now, BatchSize);
            if (start.Channel is not { } channel || (!channel.Active && start.Started.Count == 0))
            {
                var reason = start.Channel is null ? "the channel was deleted" : "the channel is disabled";
                metrics.Delivered(DeliveryStatuses.Dead, await deliveries.KillDueAsync(ChannelId, reason, Now));
                return await deliveries.NextDueAsync(ChannelId);
            }

            if (start.Started.Count == 0)
            {
                return start.NextDue;
            }

            var batch = new DeliveryBatch(channel, start.Notices, start.TemplatesByCategory(channel));
            var retries = await Task.WhenAll(start.Started.GroupBy(delivery => delivery.AlertId).Select(alert => AttemptInOrderAsync(batch, alert)));
            if (start.Started.Count < BatchSize)
            {
                return retries.SelectMany(retry => retry).Append(start.NextDue).Min();
            }
        }
    }

    /// <returns>When the failed ones are tried again.</returns>
    private async Task<List<DateTime?>> AttemptInOrderAsync(DeliveryBatch batch, IEnumerable<DeliveryStore.StartedRow> deliveriesOfOneAlert)
    {
        var retries = new List<DateTime?>();
        foreach (var delivery in deliveriesOfOneAlert)
        {
            retries.Add(await AttemptAsync(batch, delivery));
        }

        return retries;
    }

    private async Task<DateTime?> AttemptAsync(DeliveryBatch batch, DeliveryStore.StartedRow delivery)
    {
        var result = batch.Notices.GetValueOrDefault(delivery.AlertActionId) is { } row
            ? await SendAsync(batch, noticeBuilder.Build(row, delivery.IdempotencyKey, batch.Channel.Id))
            : new DeliveryAttemptResult(DeliveryFailureKind.Permanent, null, "the alert no longer exists", null);
        var step = DeliverySchedule.After(result, delivery.Attempts, Now, settings.RetrySchedule);
        _outcomes.Open.Outcomes.Add(new DeliveryOutcome(delivery.Id, step, result, Now));
        await _outcomes.CommitAsync();
        metrics.Delivered(step.Status);
        LogAttempt(delivery.Id, delivery.Event, ChannelId, delivery.Attempts, step.Status, result.StatusCode, result.Error);
        return step.NextAttemptAt;
    }

    private async Task<DeliveryAttemptResult> SendAsync(DeliveryBatch batch, AlertNotice notice)
    {
        var channel = batch.Channel;
        RenderedMessage message;
        try
        {
            message = MessageComposer.Compose(channel.Type, notice, batch.TemplatesByCategory[TemplateCategories.For(notice.Event)]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new DeliveryAttemptResult(DeliveryFailureKind.Permanent, null, $"the template could not be rendered: {e.Message}", null);
        }

        return await senders.For(channel.Type).SendAsync(definitions.Of(channel), notice, message, CancellationToken.None);
    }

    private void ScheduleNext(DateTime? next)
    {
        _timer?.Dispose();
        _timer = null;
        if (next is not { } at)
        {
            return;
        }

        var due = at - Now;
        _timer = this.RegisterGrainTimer(
            () => DeliverAsync(),
            new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} ({Event}) over channel {ChannelId}, attempt {Attempt}: {Status} (status code {StatusCode}; {Error})")]
    private partial void LogAttempt(long deliveryId, string @event, long channelId, int attempt, string status, int? statusCode, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery pass of channel {ChannelId} failed; the channel tries again in {Seconds} s")]
    private partial void LogPassFailed(Exception exception, long channelId, double seconds);
}
