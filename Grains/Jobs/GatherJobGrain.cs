using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;

namespace Planekeeper.Grains.Jobs;

[GrainType("planekeeper.jobs.gather")]
public sealed class GatherJobGrain(GatherJobStore store, ReleaseStore releases, AlertConfigReferences alertConfigs, AuditWriter audit, TimeProvider clock)
    : JobGrain<GatherJobRow, GatherJobRecord, GatherJobDefinition, GatherJobRequest>(store, alertConfigs, audit, clock, JobKind.Gather, GatherJobRequests.Validate), IGatherJobGrain
{
    public async Task<Page<ReleaseRecord>?> ListReleasesAsync(long organizationId, int limit, long? before)
    {
        if (Owned(organizationId) is not { } job)
        {
            return null;
        }

        var rows = await releases.ListAsync(job.Id, limit + 1, before);
        return new Page<ReleaseRecord>(rows.Take(limit).ToList(), rows.Count > limit ? rows[limit - 1].Id.ToString() : null);
    }

    public async Task<CommandResult<int>> ClearReleasesAsync(string actor, long organizationId)
    {
        if (Owned(organizationId) is not { } job)
        {
            return NotFound<int>();
        }

        var cleared = await releases.ClearAsync(job.Id);
        await Audit(actor, "releases_cleared");
        return CommandResult<int>.Ok(cleared);
    }
}
