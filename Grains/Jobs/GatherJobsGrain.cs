using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;

namespace Planekeeper.Grains.Jobs;

[StatelessWorker]
[GrainType("planekeeper.jobs.gather-directory")]
public sealed class GatherJobsGrain(GatherJobStore store, AuditWriter audit, TimeProvider clock) : Grain, IGatherJobsGrain
{
    public async Task<CommandResult<GatherJobRecord>> CreateAsync(string actor, long organizationId, GatherJobRequest request)
    {
        var validated = GatherJobRequests.Validate(request);
        if (validated.Status != CommandStatus.Ok)
        {
            return validated.Without<GatherJobRecord>();
        }

        var (job, schedule) = validated.Value;
        var row = await store.InsertAsync(organizationId, job, JobLifecycle.OnCreated(schedule, clock.GetUtcNow().UtcDateTime));
        await audit.WriteAsync(new AuditEntry(organizationId, actor, "gather_job.created", $"gather-job:{row.Id}", new { row.Name, row.SourceType, row.ArtifactName }));
        return CommandResult<GatherJobRecord>.Ok(row.ToRecord());
    }

    public async Task<Page<GatherJobRecord>> ListAsync(long organizationId, int limit, long? after)
    {
        var rows = await store.ListAsync(organizationId, limit + 1, after);
        var next = rows.Count > limit ? rows[limit - 1].Id.ToString() : null;
        return new Page<GatherJobRecord>(rows.Take(limit).Select(row => row.ToRecord()).ToList(), next);
    }

    public async Task<JobSummary> SummaryAsync(long organizationId)
    {
        var counts = await store.CountByStatusAsync(organizationId);
        return new JobSummary(counts.Values.Sum(), JobStatus.All.ToDictionary(status => status, status => counts.GetValueOrDefault(status)));
    }
}
