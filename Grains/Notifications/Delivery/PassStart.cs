using Planekeeper.Grains.Notifications.Channels;
using Planekeeper.Grains.Notifications.Templates;

namespace Planekeeper.Grains.Notifications.Delivery;

/// <summary>
/// What a delivery pass reads when it starts a batch (<see cref="DeliveryStore.StartPassAsync"/>): the deliveries it
/// started, their notices by alert action id (an event whose alert is gone is absent), the channel (null when deleted),
/// the template settings of the channel's organization and the global ones, and when the earliest delivery left
/// pending or failed is due.
/// </summary>
public sealed record PassStart(
    IReadOnlyList<DeliveryStore.StartedRow> Started,
    IReadOnlyDictionary<long, NoticeStore.NoticeRow> Notices,
    ChannelRow? Channel,
    IReadOnlyList<PassStart.Setting> TemplateSettings,
    DateTime? NextDue)
{
    /// <summary>One template setting (<see cref="TemplateResolver.SettingKey"/>); organization 0 is the global one.</summary>
    public sealed record Setting(long OrganizationId, string Key, string Value);

    /// <summary>The template in effect for each event category of the started deliveries (docs/notifications.md, "Templates").</summary>
    public IReadOnlyDictionary<string, string?> TemplatesByCategory(ChannelRow channel)
    {
        string? Setting(long organizationId, string category) =>
            TemplateSettings.FirstOrDefault(s => s.OrganizationId == organizationId && s.Key == TemplateResolver.SettingKey(channel.Type, category))?.Value;

        return Notices.Values.Select(notice => TemplateCategories.For(notice.Event)).Distinct().ToDictionary(
            category => category,
            category => TemplateResolver.Pick(category, channel.TemplateMap, Setting(channel.OrganizationId, category), Setting(0, category)).Template);
    }
}
