namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>One entry of an alert's history: what changed, who did it, and the event it emitted (if any).</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.alerts.action")]
public sealed record AlertActionRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] long AlertId,
    [property: Id(2)] string Action,
    [property: Id(3)] string? Event,
    [property: Id(4)] string Actor,
    [property: Id(5)] string Severity,
    [property: Id(6)] string? PreviousSeverity,
    [property: Id(7)] string Details,
    [property: Id(8)] DateTime CreatedAt);
