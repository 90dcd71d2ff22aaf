using System.Text.Json.Serialization;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Rules.Evaluation;

namespace Planekeeper.Grains.Interfaces.Rules;

/// <summary>
/// A monitoring rule (docs/rules-and-alerts.md, "Monitoring rules"): how far behind is too far, by one measure, with
/// three thresholds.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.alerts.rule-record")]
public sealed record MonitoringRuleRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] long OrganizationId,
    [property: Id(2)] string Name,
    [property: Id(3), ValuesOf(typeof(RuleTypes))] string RuleType,
    [property: Id(4)] int Moderate,
    [property: Id(5)] int High,
    [property: Id(6)] int Critical,
    [property: Id(7)] bool StableOnly,
    [property: Id(8)] bool Active,
    [property: Id(9)] DateTime CreatedAt,
    [property: Id(10)] DateTime UpdatedAt) : IVersioned
{
    /// <summary>The row's version: the rule's <c>ETag</c>, not part of the body.</summary>
    [Id(11), JsonIgnore]
    public int Version { get; init; }
}
