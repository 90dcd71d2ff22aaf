namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>How many alerts were raised on one day (UTC), by their severity now (docs/rules-and-alerts.md, "Alert history").</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.alerts.day-count")]
public sealed record AlertDayCount(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] int Moderate,
    [property: Id(2)] int High,
    [property: Id(3)] int Critical);
