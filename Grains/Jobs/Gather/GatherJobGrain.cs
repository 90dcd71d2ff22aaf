using Planekeeper.Grains.Alerts.Configs;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Jobs.Gather;

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

        return await KeysetPaging.ReadAsync(limit, count => releases.ListAsync(job.Id, count, before), release => release.Id);
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
