using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Notifications.Channels;
using Planekeeper.Grains.Notifications.Templates;

namespace Planekeeper.Grains.Notifications.Delivery;

/// <summary>
/// The deliveries of one channel (docs/notifications.md, "Delivery statuses and retries"; the channel's definition is
/// <see cref="Channels.NotificationChannelGrain"/>'s, see docs/architecture.md, "Grains"): starts what is due a
/// batch at a time (each attempt counted before it is made), attempts the batch's alerts side by side (one alert's
/// events stay in order), writes each outcome as it comes, and sets a timer for the next due attempt. Reentrant only so
/// that a wake-up during a pass is remembered instead of queued; a pass runs alone. Whatever a crash interrupts is
/// found again by the delivery recovery pass, which wakes the grain.
/// </summary>
[Reentrant]
[GrainType("planekeeper.notifications.channel-delivery")]
public sealed partial class ChannelDeliveryGrain(
    ChannelStore channels, ChannelDefinitions definitions, DeliveryStore deliveries, NoticeStore notices, NoticeBuilder noticeBuilder,
    TemplateResolver templates, ChannelSenderSet senders, NotificationSettings settings, DeliveryMetrics metrics, TimeProvider clock,
    ILogger<ChannelDeliveryGrain> logger)
    : Grain, IChannelDeliveryGrain
{
    /// <summary>Due deliveries read at once, and so the most attempts of this channel in flight together.</summary>
    private const int BatchSize = 16;

    private Task? _pass;
    private bool _requested;
    private IGrainTimer? _timer;

    private long ChannelId => this.GetPrimaryKeyLong();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task DeliverAsync()
    {
        _requested = true;
        _pass ??= RunPassesAsync();
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

    private async Task RunPassesAsync()
    {
        try
        {
            while (_requested)
            {
                _requested = false;
                await PassAsync();
            }

            await ScheduleNextAsync();
        }
        catch (Exception e)
        {
            LogPassFailed(e, ChannelId);
        }
        finally
        {
            _pass = null;
        }
    }

    private async Task PassAsync()
    {
        while (true)
        {
            var channel = await channels.GetAsync(ChannelId);
            if (channel is not { Active: true })
            {
                var reason = channel is null ? "the channel was deleted" : "the channel is disabled";
                metrics.Delivered(DeliveryStatuses.Dead, await deliveries.KillDueAsync(ChannelId, reason, Now));
                return;
            }

            var started = await deliveries.StartDueAsync(ChannelId, Now, BatchSize);
            if (started.Count == 0)
            {
                return;
            }

            var batch = await ReadBatchAsync(channel, started);
            await Task.WhenAll(started.GroupBy(delivery => delivery.AlertId).Select(alert => AttemptInOrderAsync(batch, alert)));
        }
    }

    private async Task<DeliveryBatch> ReadBatchAsync(ChannelRow channel, List<DeliveryStore.StartedRow> started)
    {
        var noticeRows = await notices.LoadAsync(started.Select(delivery => delivery.AlertActionId));
        var templatesByCategory = new Dictionary<string, string?>();
        foreach (var category in started.Select(delivery => TemplateCategories.For(delivery.Event)).Distinct())
        {
            templatesByCategory[category] = (await templates.ResolveAsync(channel.OrganizationId, channel.Type, category, channel.TemplateMap)).Template;
        }

        return new DeliveryBatch(channel, noticeRows, templatesByCategory);
    }

    private async Task AttemptInOrderAsync(DeliveryBatch batch, IEnumerable<DeliveryStore.StartedRow> deliveriesOfOneAlert)
    {
        foreach (var delivery in deliveriesOfOneAlert)
        {
            await AttemptAsync(batch, delivery);
        }
    }

    private async Task AttemptAsync(DeliveryBatch batch, DeliveryStore.StartedRow delivery)
    {
        var result = batch.Notices.GetValueOrDefault(delivery.AlertActionId) is { } row
            ? await SendAsync(batch, noticeBuilder.Build(row, delivery.IdempotencyKey, batch.Channel.Id))
            : new DeliveryAttemptResult(DeliveryFailureKind.Permanent, null, "the alert no longer exists", null);
        var step = DeliverySchedule.After(result, delivery.Attempts, Now, settings.RetrySchedule);
        await deliveries.FinishAttemptAsync(delivery.Id, step, result, Now);
        metrics.Delivered(step.Status);
        LogAttempt(delivery.Id, delivery.Event, ChannelId, delivery.Attempts, step.Status, result.StatusCode, result.Error);
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

    private async Task ScheduleNextAsync()
    {
        _timer?.Dispose();
        _timer = null;
        if (await deliveries.NextDueAsync(ChannelId) is not { } next)
        {
            return;
        }

        var due = next - Now;
        _timer = this.RegisterGrainTimer(
            () => DeliverAsync(),
            new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} ({Event}) over channel {ChannelId}, attempt {Attempt}: {Status} (status code {StatusCode}; {Error})")]
    private partial void LogAttempt(long deliveryId, string @event, long channelId, int attempt, string status, int? statusCode, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery pass of channel {ChannelId} failed; the recovery pass wakes it again")]
    private partial void LogPassFailed(Exception exception, long channelId);
}
