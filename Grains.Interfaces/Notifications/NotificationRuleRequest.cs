using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>The fields a client sends to create or replace a notification rule.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.notifications.rule-request")]
public sealed record NotificationRuleRequest(
    [property: Id(0)] string? Name,
    [property: Id(1)] int? Priority,
    [property: Id(2), ValuesOf(typeof(AlertEventNames))] IReadOnlyList<string>? EventTypes,
    [property: Id(3), ValuesOf(typeof(SeverityNames))] IReadOnlyList<string>? Severities,
    [property: Id(4)] long? ChannelId,
    [property: Id(5)] bool? Active);
