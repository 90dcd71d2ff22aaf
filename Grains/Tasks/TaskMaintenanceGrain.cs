using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Tasks;

[StatelessWorker]
[GrainType("planekeeper.tasks.maintenance")]
public sealed class TaskMaintenanceGrain(TaskStore store, TimeProvider clock) : Grain, ITaskMaintenanceGrain
{
    public async Task<int> ResetStuckAsync(TimeSpan olderThan)
    {
        var startedBefore = clock.GetUtcNow().UtcDateTime - olderThan;
        var organizations = await store.OrganizationsWithRunsStartedBeforeAsync(startedBefore);
        var counts = await Task.WhenAll(organizations.Select(organization => GrainFactory.GetGrain<ITaskEngineGrain>(organization).ResetStuckAsync(olderThan)));
        return counts.Sum();
    }

    public async Task<IReadOnlyList<StuckJob>> ListStuckAsync(TimeSpan olderThan) =>
        (await store.StuckJobsAsync(clock.GetUtcNow().UtcDateTime - olderThan)).Select(row => new StuckJob(
            new JobRef(row.Kind, row.JobId), row.JobName, row.OrganizationId, row.OrganizationName, row.AgentId, row.AgentName,
            row.InProgressSince, row.LeaseExpiresAt)).ToList();
}
