using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Jobs;

/// <summary>Creating and listing an organization's gather jobs. Stateless.</summary>
[Alias("planekeeper.jobs.gather-directory")]
public interface IGatherJobsGrain : IGrainWithIntegerKey
{
    [Alias("create")]
    Task<CommandResult<GatherJobRecord>> CreateAsync(string actor, long organizationId, GatherJobRequest request);

    [Alias("list")]
    Task<Page<GatherJobRecord>> ListAsync(long organizationId, int limit, long? after);

    [Alias("summary")]
    Task<JobSummary> SummaryAsync(long organizationId);
}
