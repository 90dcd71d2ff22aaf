using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Jobs;

[Alias("planekeeper.jobs.gather")]
public interface IGatherJobGrain : IJobGrain<GatherJobRequest, GatherJobRecord>
{
    /// <summary>The job's releases, newest found first; <paramref name="before"/> is the cursor (a release id).</summary>
    [Alias("releases")]
    Task<Page<ReleaseRecord>> ListReleasesAsync(int limit, long? before);

    /// <summary>Forgets every release of the job (the next run finds them again). Returns how many.</summary>
    [Alias("clear-releases")]
    Task<CommandResult<int>> ClearReleasesAsync(string actor);
}
