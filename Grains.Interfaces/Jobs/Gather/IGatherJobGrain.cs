using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Jobs.Gather;

[Alias("planekeeper.jobs.gather")]
public interface IGatherJobGrain : IJobGrain<GatherJobRequest, GatherJobRecord>
{
    /// <summary>The job's releases, newest found first; <paramref name="before"/> is the cursor (a release id). Null: no such job.</summary>
    [Alias("releases-in-org")]
    Task<Page<ReleaseRecord>?> ListReleasesAsync(long organizationId, int limit, long? before);

    /// <summary>Forgets every release of the job (the next run finds them again). Returns how many.</summary>
    [Alias("clear-releases-in-org")]
    Task<CommandResult<int>> ClearReleasesAsync(string actor, long organizationId);
}
