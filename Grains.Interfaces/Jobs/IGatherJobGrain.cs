using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Jobs;

/// <summary>One gather job: its definition, status and schedule.</summary>
[Alias("planekeeper.jobs.gather")]
public interface IGatherJobGrain : IGrainWithIntegerKey
{
    [Alias("get")]
    Task<GatherJobRecord?> GetAsync();

    [Alias("update")]
    Task<CommandResult<GatherJobRecord>> UpdateAsync(string actor, GatherJobRequest request);

    [Alias("delete")]
    Task<CommandResult<bool>> DeleteAsync(string actor);

    /// <summary>Queues the job now; refused while it runs.</summary>
    [Alias("run")]
    Task<CommandResult<GatherJobRecord>> RunNowAsync(string actor);
}
