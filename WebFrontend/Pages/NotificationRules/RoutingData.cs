using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Interfaces.Settings;
using Planekeeper.WebFrontend.Ui;

namespace Planekeeper.WebFrontend.Pages.NotificationRules;

/// <summary>
/// What the notification rule pages read: every rule and every channel of the organization (both are few, so every
/// page of the directory is read through its cursor), and the default channel.
/// </summary>
public static class RoutingData
{
    public const string DefaultChannelKey = "default_notification_channel_id";

    private const int PageSize = 200;

    /// <summary>The organization's rules in the order routing evaluates them: priority (lower first), then id.</summary>
    public static async Task<IReadOnlyList<NotificationRuleRecord>> RulesAsync(IClusterClient cluster, long organizationId)
    {
        var rules = await ReadAllAsync(after => cluster.GetGrain<INotificationRuleDirectoryGrain>(0).ListAsync(organizationId, PageSize, after));
        return rules.OrderBy(rule => rule.Priority).ThenBy(rule => rule.Id).ToList();
    }

    /// <summary>The organization's channels by id; empty for a viewer who may not list them (the pages then name channels by id).</summary>
    public static async Task<IReadOnlyDictionary<long, NotificationChannelRecord>> ChannelsAsync(IClusterClient cluster, long organizationId, Viewer viewer) =>
        viewer.May("notification-channels:list")
            ? (await ReadAllAsync(after => cluster.GetGrain<INotificationChannelDirectoryGrain>(0).ListAsync(organizationId, PageSize, after)))
                .ToDictionary(channel => channel.Id)
            : new Dictionary<long, NotificationChannelRecord>();

    /// <summary>The default channel's id as the setting names it; null when none is set or the viewer may not read settings.</summary>
    public static async Task<long?> DefaultChannelAsync(IClusterClient cluster, long organizationId, Viewer viewer)
    {
        if (!viewer.May("settings:read"))
        {
            return null;
        }

        var settings = await cluster.GetGrain<ISettingsGrain>(organizationId).ListAsync();
        return settings.TryGetValue(DefaultChannelKey, out var value) && long.TryParse(value, out var id) ? id : null;
    }

    private static async Task<List<T>> ReadAllAsync<T>(Func<long?, Task<Page<T>>> read)
    {
        var items = new List<T>();
        long? after = null;
        while (true)
        {
            var page = await read(after);
            items.AddRange(page.Items);
            if (page.NextCursor is null || !long.TryParse(page.NextCursor, out var next))
            {
                return items;
            }

            after = next;
        }
    }
}
