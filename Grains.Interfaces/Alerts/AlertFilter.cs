namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>Which alerts a list shows: <see cref="Status"/> active, resolved or all; null fields do not filter.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.alerts.filter")]
public sealed record AlertFilter(
    [property: Id(0)] string Status,
    [property: Id(1)] string? Severity,
    [property: Id(2)] bool? Acknowledged);
