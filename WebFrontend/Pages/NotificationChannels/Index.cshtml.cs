using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Interfaces.Settings;

namespace Planekeeper.WebFrontend.Pages.NotificationChannels;

/// <summary>
/// <c>/notification-channels</c>: the organization's channels with their state and delivery figures, the default one
/// marked; <em>Test</em> sends a sample now and shows the answer on the page; switch off/on; make default — the grain
/// calls of <c>/api/v1/notification-channels</c> and <c>PUT /api/v1/settings/default_notification_channel_id</c>.
/// </summary>
public sealed class ChannelListModel(IClusterClient cluster) : PlanekeeperPage
{
    private const int PageSize = 200;
    private const string DefaultChannelKey = "default_notification_channel_id";

    public IReadOnlyList<NotificationChannelRecord> Channels { get; private set; } = [];

    public IReadOnlyDictionary<long, ChannelStats> Stats { get; private set; } = new Dictionary<long, ChannelStats>();

    public long? DefaultChannelId { get; private set; }

    /// <summary>The channel tested by this post and what its receiver answered.</summary>
    public (long ChannelId, ChannelTestResult Result)? Tested { get; private set; }

    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? notice)
    {
        Notice = notice switch
        {
            "saved" => "Saved.",
            "deleted" => "The channel was deleted.",
            "default" => "The default channel is changed.",
            _ => null,
        };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostTestAsync(long id)
    {
        var result = await Channel(id).TestAsync(OrganizationId);
        await LoadAsync();
        if (result.Status != CommandStatus.Ok)
        {
            return PageWithErrors(result);
        }

        Tested = (id, result.Value!);
        return Page();
    }

    public Task<IActionResult> OnPostToggleAsync(long id) => ChangeAsync(async () => (await Channel(id).ToggleAsync(Actor, OrganizationId)).Without<bool>(), "saved");

    public Task<IActionResult> OnPostDefaultAsync(long id) =>
        ChangeAsync(async () => (await cluster.GetGrain<ISettingsGrain>(OrganizationId).SetAsync(Actor, DefaultChannelKey, id.ToString())).Without<bool>(), "default");

    private async Task<IActionResult> ChangeAsync(Func<Task<CommandResult<bool>>> change, string notice)
    {
        var result = await change();
        if (result.Status == CommandStatus.Ok)
        {
            return Redirect($"/notification-channels?notice={notice}");
        }

        await LoadAsync();
        return PageWithErrors(result);
    }

    private async Task LoadAsync()
    {
        Channels = (await cluster.GetGrain<INotificationChannelDirectoryGrain>(0).ListAsync(OrganizationId, PageSize, null)).Items;
        var stats = await Task.WhenAll(Channels.Select(async channel => (channel.Id, Stats: (await Channel(channel.Id).StatsAsync(OrganizationId)).Value)));
        Stats = stats.Where(entry => entry.Stats is not null).ToDictionary(entry => entry.Id, entry => entry.Stats!);
        if (Viewer!.May("settings:read"))
        {
            var settings = await cluster.GetGrain<ISettingsGrain>(OrganizationId).ListAsync();
            DefaultChannelId = settings.TryGetValue(DefaultChannelKey, out var value) && long.TryParse(value, out var id) ? id : null;
        }
    }

    private INotificationChannelGrain Channel(long id) => cluster.GetGrain<INotificationChannelGrain>(id);
}
