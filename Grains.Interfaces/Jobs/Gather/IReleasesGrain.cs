using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Jobs.Gather;

/// <summary>Reading an organization's releases across its gather jobs. Stateless.</summary>
[Alias("planekeeper.jobs.releases")]
public interface IReleasesGrain : IGrainWithIntegerKey
{
    /// <summary>Newest found first; <paramref name="gatherJobId"/> narrows to one job.</summary>
    [Alias("list")]
    Task<Page<ReleaseRecord>> ListAsync(long organizationId, long? gatherJobId, int limit, long? before);

    [Alias("get")]
    Task<ReleaseRecord?> GetAsync(long organizationId, long releaseId);

    [Alias("summary")]
    Task<ReleaseSummary> SummaryAsync(long organizationId);
}
