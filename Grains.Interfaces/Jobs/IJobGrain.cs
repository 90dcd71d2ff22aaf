using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Jobs;

/// <summary>One job of any kind: its definition, status and schedule.</summary>
[Alias("planekeeper.jobs.job`2")]
public interface IJobGrain<in TRequest, TRecord> : IGrainWithIntegerKey
    where TRecord : IJobRecord
{
    [Alias("get")]
    Task<TRecord?> GetAsync();

    /// <summary>Replaces the definition; the next run is recomputed from the schedule.</summary>
    [Alias("update")]
    Task<CommandResult<TRecord>> UpdateAsync(string actor, TRequest request);

    [Alias("delete")]
    Task<CommandResult<bool>> DeleteAsync(string actor);

    /// <summary>Queues the job now; refused while it runs.</summary>
    [Alias("run")]
    Task<CommandResult<TRecord>> RunNowAsync(string actor);
}
