using Planekeeper.Grains.Notifications.Channels;

namespace Planekeeper.Grains.Notifications.Delivery;

/// <summary>
/// What the attempts of one batch need, read once for all of them: the channel, the notices of the batch's events
/// (by alert action id) and the template in effect for each event category in the batch.
/// </summary>
public sealed record DeliveryBatch(
    ChannelRow Channel,
    IReadOnlyDictionary<long, NoticeStore.NoticeRow> Notices,
    IReadOnlyDictionary<string, string?> TemplatesByCategory);
