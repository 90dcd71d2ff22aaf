namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>An alert config that uses a job or a rule (which therefore cannot be deleted), by id and name.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.alerts.config-use")]
public sealed record AlertConfigUse([property: Id(0)] long Id, [property: Id(1)] string Name);

/// <summary>What an alert config can use (<see cref="IAlertConfigDirectoryGrain.UsingAsync"/>).</summary>
public enum AlertConfigInput
{
    ScrapeJob,
    GatherJob,
    Rule,
}
