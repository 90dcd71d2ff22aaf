using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Interfaces.Settings;

namespace Planekeeper.WebFrontend.Pages.Settings;

/// <summary>
/// <c>/settings</c>: the organization's settings (docs/notifications.md, "Default channel"): the default notification
/// channel picked from the organization's channels, and every setting it has, each of which can be cleared (the global
/// value or the built-in default applies again) — the grain calls of <c>GET/PUT /api/v1/settings</c>.
/// </summary>
public sealed class SettingsModel(IClusterClient cluster) : PlanekeeperPage
{
    public const string DefaultChannelKey = "default_notification_channel_id";
    private const int ChannelChoices = 200;

    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<NotificationChannelRecord> Channels { get; private set; } = [];

    public string? Notice { get; private set; }

    /// <summary>The settings' version this page shows; a change is refused (412) when they moved on since (docs/ui.md, "Editing at the same time").</summary>
    [BindProperty(Name = "loaded_version")]
    public int? LoadedVersion { get; set; }

    public async Task OnGetAsync(string? notice)
    {
        Notice = notice == "saved" ? "Saved." : null;
        await LoadAsync();
    }

    public Task<IActionResult> OnPostDefaultAsync(string? channelId) => SetAsync(DefaultChannelKey, string.IsNullOrEmpty(channelId) ? null : channelId, "channelId");

    public Task<IActionResult> OnPostClearAsync(string? key) => SetAsync(key ?? "", null, "");

    private async Task<IActionResult> SetAsync(string key, string? value, string field)
    {
        var result = await Grain.SetAtVersionAsync(Actor, key, value, Loaded(LoadedVersion));
        if (result.Status == CommandStatus.Ok)
        {
            return Redirect("/settings?notice=saved");
        }

        await LoadAsync();
        return PageWithErrors(result, field);
    }

    private async Task LoadAsync()
    {
        var settings = await Grain.GetAsync();
        (Values, LoadedVersion) = (settings.Values, settings.Version);
        if (Viewer!.May("notification-channels:list"))
        {
            Channels = (await cluster.GetGrain<INotificationChannelDirectoryGrain>(0).ListAsync(OrganizationId, ChannelChoices, null)).Items;
        }
    }

    /// <summary>A setting's value as a person reads it: the default channel by name.</summary>
    public string Describe(string key, string value) =>
        key == DefaultChannelKey && long.TryParse(value, out var id) && Channels.FirstOrDefault(channel => channel.Id == id) is { } channel
            ? $"{channel.Name} ({channel.Type})"
            : value;

    private ISettingsGrain Grain => cluster.GetGrain<ISettingsGrain>(OrganizationId);
}
