namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>
/// What an acknowledge link stands for, read from its token: the alert (or why the link is not usable:
/// <see cref="Problem"/> <c>expired</c>, <c>invalid</c>, <c>resolved</c>, <c>not_found</c>) and whether the
/// channel requires a signed-in member with <c>alerts:acknowledge</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.notifications.ack-link")]
public sealed record AckLinkView(
    [property: Id(0)] string? Problem,
    [property: Id(1)] long OrganizationId,
    [property: Id(2)] long AlertId,
    [property: Id(3)] long ChannelId,
    [property: Id(4)] bool RequireAuth,
    [property: Id(5)] string? Summary,
    [property: Id(6)] bool Acknowledged);
