namespace Planekeeper.Grains.Interfaces.Jobs.Gather;

/// <summary>How many releases an organization's gather jobs found, and when the newest was found.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.jobs.release-summary")]
public sealed record ReleaseSummary(
    [property: Id(0)] int Total,
    [property: Id(1)] int Prereleases,
    [property: Id(2)] int GatherJobs,
    [property: Id(3)] DateTime? LatestFoundAt);
