using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;

namespace Planekeeper.WebFrontend.Pages.Deliveries;

/// <summary>
/// <c>/deliveries</c>: the organization's notification deliveries, newest first, filtered by status, with their
/// attempts and last error; dead letters are retried one by one or ticked together — the grain calls of
/// <c>GET /api/v1/notification-deliveries</c> and <c>POST …/{id}/retry</c> (docs/notifications.md).
/// </summary>
public sealed class DeliveriesModel(IClusterClient cluster) : PlanekeeperPage
{
    public const int PageSize = 50;
    private const int ChannelNames = 200;

    public static IReadOnlyList<string> Statuses { get; } = ["pending", "in_progress", "succeeded", "failed", "dead"];

    public string? Status { get; private set; }

    public Page<DeliveryRecord> Deliveries { get; private set; } = new([], null);

    public IReadOnlyDictionary<long, string> Channels { get; private set; } = new Dictionary<long, string>();

    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? status, string? cursor, int? retried)
    {
        Notice = retried is { } count ? $"{count} {(count == 1 ? "delivery is" : "deliveries are")} queued again." : null;
        await LoadAsync(status, long.TryParse(cursor, out var before) ? before : null);
    }

    public async Task<IActionResult> OnPostRetryAsync(long[] ids)
    {
        if (ids.Length == 0)
        {
            await LoadAsync("dead", null);
            return PageWithErrors(CommandResult<bool>.Invalid("ids", "tick the dead letters to retry"));
        }

        foreach (var id in ids.Distinct())
        {
            var result = await Grain.RetryAsync(OrganizationId, id);
            if (result.Status != CommandStatus.Ok)
            {
                await LoadAsync("dead", null);
                return PageWithErrors(result, "ids");
            }
        }

        return Redirect($"/deliveries?status=dead&retried={ids.Distinct().Count()}");
    }

    private async Task LoadAsync(string? status, long? before)
    {
        Status = status is not null && Statuses.Contains(status) ? status : null;
        Deliveries = await Grain.ListAsync(OrganizationId, Status, PageSize, before);
        if (Viewer!.May("notification-channels:list"))
        {
            var channels = await cluster.GetGrain<INotificationChannelDirectoryGrain>(0).ListAsync(OrganizationId, ChannelNames, null);
            Channels = channels.Items.ToDictionary(channel => channel.Id, channel => channel.Name);
        }
    }

    private IDeliveriesGrain Grain => cluster.GetGrain<IDeliveriesGrain>(0);
}
