using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Notifications;

namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>
/// The fields a client sends to create, replace or validate a channel. <see cref="ConfigJson"/> is the type's
/// configuration as JSON text; a secret left out on replace keeps its stored value. <see cref="Templates"/> maps a
/// category (<c>new_alert</c>, <c>acknowledged</c>, <c>resolved</c>) to the channel's own template.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.notifications.channel-request")]
public sealed record NotificationChannelRequest(
    [property: Id(0)] string? Name,
    [property: Id(1), ValuesOf(typeof(ChannelTypes))] string? Type,
    [property: Id(2)] string? ConfigJson,
    [property: Id(3)] string? HmacSecret,
    [property: Id(4)] bool? RequireAckAuth,
    [property: Id(5)] IReadOnlyDictionary<string, string>? Templates,
    [property: Id(6)] bool? Active);
