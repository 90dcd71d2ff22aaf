namespace Planekeeper.Grains.Interfaces.Health;

/// <summary>What the cluster saw of the database, and which silo answered.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.health.report")]
public sealed record ClusterHealthReport(
    [property: Id(0)] bool DatabaseOk,
    [property: Id(1)] string? DatabaseError,
    [property: Id(2)] string Silo);
