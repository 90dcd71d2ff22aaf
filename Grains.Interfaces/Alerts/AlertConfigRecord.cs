using System.Text.Json.Serialization;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>
/// An alert config (docs/rules-and-alerts.md, "Alert configs"): one scrape job, one gather job and one rule; at most
/// one active alert.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.alerts.config-record")]
public sealed record AlertConfigRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] long OrganizationId,
    [property: Id(2)] string Name,
    [property: Id(3)] long ScrapeJobId,
    [property: Id(4)] long GatherJobId,
    [property: Id(5)] long RuleId,
    [property: Id(6)] bool Active,
    [property: Id(7)] DateTime CreatedAt,
    [property: Id(8)] DateTime UpdatedAt,
    [property: Id(9)] DateTime? EvaluatedAt,
    [property: Id(10)] long? ActiveAlertId) : IVersioned
{
    /// <summary>The row's version: the alert config's <c>ETag</c> (docs/api.md, "ETags and If-Match"), not part of the body.</summary>
    [Id(11), JsonIgnore]
    public int Version { get; init; }
}
