using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Notifications.Channels;
using Planekeeper.Grains.Notifications.Templates;

namespace Planekeeper.Grains.Notifications.Delivery;

/// <summary>
/// The deliveries of one channel (DESIGN: NotificationChannelGrain's sending half): attempts what is due a batch at a
/// time, the batch's alerts side by side (one alert's events stay in order), writes each outcome as it comes, and sets
/// a timer for the next due attempt. Reentrant only so that a wake-up during a pass is remembered instead of queued; a
/// pass runs alone. Whatever a crash interrupts is found again by the delivery recovery pass, which wakes the grain.
/// </summary>
[Reentrant]
[GrainType("planekeeper.notifications.channel-delivery")]
public sealed partial class ChannelDeliveryGrain(
    ChannelStore channels, ChannelDefinitions definitions, DeliveryStore deliveries, NoticeStore notices, NoticeBuilder noticeBuilder,
    TemplateResolver templates, ChannelSenderSet senders, NotificationSettings settings, TimeProvider clock, ILogger<ChannelDeliveryGrain> logger)
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
        while (await deliveries.DueAsync(ChannelId, Now, BatchSize) is { Count: > 0 } due)
        {
            var channel = await channels.GetAsync(ChannelId);
            await Task.WhenAll(due.GroupBy(delivery => delivery.AlertId).Select(alert => AttemptInOrderAsync(channel, alert)));
        }
    }

    private async Task AttemptInOrderAsync(ChannelRow? channel, IEnumerable<DeliveryStore.DueRow> deliveriesOfOneAlert)
    {
        foreach (var delivery in deliveriesOfOneAlert)
        {
            await AttemptAsync(channel, delivery);
        }
    }

    private async Task AttemptAsync(ChannelRow? channel, DeliveryStore.DueRow delivery)
    {
        if (channel is not { Active: true })
        {
            await deliveries.KillAsync(delivery.Id, channel is null ? "the channel was deleted" : "the channel is disabled", Now);
            return;
        }

        var attempts = await deliveries.StartAttemptAsync(delivery.Id, Now);
        var result = await notices.LoadAsync(delivery.AlertActionId) is { } row
            ? await SendAsync(channel, noticeBuilder.Build(row, delivery.IdempotencyKey, channel.Id))
            : new DeliveryAttemptResult(DeliveryFailureKind.Permanent, null, "the alert no longer exists", null);
        var step = DeliverySchedule.After(result, attempts, Now, settings.RetrySchedule);
        await deliveries.FinishAttemptAsync(delivery.Id, step, result, Now);
        LogAttempt(delivery.Id, delivery.Event, ChannelId, attempts, step.Status, result.StatusCode, result.Error);
    }

    private async Task<DeliveryAttemptResult> SendAsync(ChannelRow channel, AlertNotice notice)
    {
        var (template, _) = await templates.ResolveAsync(channel.OrganizationId, channel.Type, TemplateCategories.For(notice.Event), channel.TemplateMap);
        RenderedMessage message;
        try
        {
            message = MessageComposer.Compose(channel.Type, notice, template);
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
