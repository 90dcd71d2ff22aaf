using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Jobs;

/// <summary>Creating, listing and counting an organization's jobs of one kind. Stateless.</summary>
[Alias("planekeeper.jobs.directory`2")]
public interface IJobDirectoryGrain<in TRequest, TRecord> : IGrainWithIntegerKey
    where TRecord : IJobRecord
{
    [Alias("create")]
    Task<CommandResult<TRecord>> CreateAsync(string actor, long organizationId, TRequest request);

    [Alias("list")]
    Task<Page<TRecord>> ListAsync(long organizationId, JobFilter filter, int limit, long? after);

    [Alias("summary")]
    Task<JobSummary> SummaryAsync(long organizationId);
}
