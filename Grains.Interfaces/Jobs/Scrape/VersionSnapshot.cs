namespace Planekeeper.Grains.Interfaces.Jobs.Scrape;

/// <summary>One version a scrape job found deployed, or was told by hand (<see cref="Source"/> manual or agent).</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.jobs.version-snapshot")]
public sealed record VersionSnapshot(
    [property: Id(0)] long Id,
    [property: Id(1)] string Version,
    [property: Id(2)] DateTime FoundAt,
    [property: Id(3)] string? CommitSha,
    [property: Id(4)] string Source);
