using System.Text.Json.Serialization;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>
/// A notification rule (docs/notifications.md, "Rules") with its stats: events matched, and matched but skipped (no
/// channel).
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.notifications.rule-record")]
public sealed record NotificationRuleRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] long OrganizationId,
    [property: Id(2)] string Name,
    [property: Id(3)] bool Active,
    [property: Id(4)] int Priority,
    [property: Id(5), ValuesOf(typeof(AlertEventNames))] IReadOnlyList<string> EventTypes,
    [property: Id(6), ValuesOf(typeof(SeverityNames))] IReadOnlyList<string> Severities,
    [property: Id(7)] long? ChannelId,
    [property: Id(8)] long Matched,
    [property: Id(9)] long Skipped,
    [property: Id(10)] DateTime CreatedAt,
    [property: Id(11)] DateTime UpdatedAt) : IVersioned
{
    /// <summary>The row's version: the notification rule's <c>ETag</c> (docs/api.md, "ETags and If-Match"), not part of the body.</summary>
    [Id(12), JsonIgnore]
    public int Version { get; init; }
}
