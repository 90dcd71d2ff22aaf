using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Rules.Evaluation;

namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>
/// One row of the drift table (docs/rules-and-alerts.md, "Drift"): an alert config with its jobs and rule by name, what
/// its last evaluation found and its active alert. <see cref="Active"/> is the config's own switch (its rule has another). <see cref="State"/> is one of <see cref="DriftStates"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.alerts.config-drift")]
public sealed record AlertConfigDrift(
    [property: Id(0)] long AlertConfigId,
    [property: Id(1)] string Name,
    [property: Id(2)] string State,
    [property: Id(3)] long ScrapeJobId,
    [property: Id(4)] string ScrapeJobName,
    [property: Id(5)] long GatherJobId,
    [property: Id(6)] string GatherJobName,
    [property: Id(7)] long RuleId,
    [property: Id(8)] string RuleName,
    [property: Id(9), ValuesOf(typeof(RuleTypes))] string RuleType,
    [property: Id(10)] string? DeployedVersion,
    [property: Id(11)] string? LatestVersion,
    [property: Id(12)] long? BehindBy,
    [property: Id(13), ValuesOf(typeof(SeverityNames))] string? Severity,
    [property: Id(14)] long? AlertId,
    [property: Id(15)] DateTime? AlertSince,
    [property: Id(16)] bool Acknowledged,
    [property: Id(17)] DateTime? EvaluatedAt,
    [property: Id(18)] bool Active);
