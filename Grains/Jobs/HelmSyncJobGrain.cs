using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Jobs;

[GrainType("planekeeper.jobs.helm-sync")]
public sealed class HelmSyncJobGrain(HelmSyncJobStore store, AuditWriter audit, TimeProvider clock)
    : JobGrain<HelmSyncJobRow, HelmSyncJobRecord, HelmSyncJobDefinition, HelmSyncJobRequest>(store, audit, clock, JobKind.HelmSync), IHelmSyncJobGrain
{
    protected override CommandResult<(HelmSyncJobDefinition Definition, CronSchedule? Schedule)> Validate(HelmSyncJobRequest request) =>
        HelmSyncJobRequests.Validate(request);
}
