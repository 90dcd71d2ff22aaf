using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>
/// What one evaluation of an alert config decided. <see cref="Outcome"/> is one of <see cref="EvaluationOutcomes"/>;
/// the rule's verdict fields are null when nothing could be judged.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.alerts.config-evaluation")]
public sealed record ConfigEvaluation(
    [property: Id(0)] long AlertConfigId,
    [property: Id(1)] string ConfigName,
    [property: Id(2)] string Outcome,
    [property: Id(3), ValuesOf(typeof(SeverityNames))] string? Severity,
    [property: Id(4)] long? BehindBy,
    [property: Id(5)] string? Reason,
    [property: Id(6)] string? DiscoveredVersion,
    [property: Id(7)] string? LatestVersion,
    [property: Id(8)] long? AlertId,
    [property: Id(9)] string? Detail);
