namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>The fields a client sends to create or replace an alert config; validated by the grain.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.alerts.config-request")]
public sealed record AlertConfigRequest(
    [property: Id(0)] string? Name,
    [property: Id(1)] long? ScrapeJobId,
    [property: Id(2)] long? GatherJobId,
    [property: Id(3)] long? RuleId);
