namespace Planekeeper.Grains.Interfaces.Jobs.Gather;

/// <summary>One upstream version a gather job found (docs/jobs.md, "Releases").</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.jobs.release")]
public sealed record ReleaseRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] long GatherJobId,
    [property: Id(2)] string Version,
    [property: Id(3)] DateTime? ReleasedAt,
    [property: Id(4)] bool Prerelease,
    [property: Id(5)] string? AppVersion,
    [property: Id(6)] string? Digest,
    [property: Id(7)] DateTime FoundAt);
