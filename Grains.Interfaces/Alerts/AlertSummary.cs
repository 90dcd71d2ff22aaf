namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>Active alerts by severity, and how many of them are acknowledged.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.alerts.summary")]
public sealed record AlertSummary(
    [property: Id(0)] int Active,
    [property: Id(1)] IReadOnlyDictionary<string, int> BySeverity,
    [property: Id(2)] int Acknowledged,
    [property: Id(3)] int Unacknowledged);
