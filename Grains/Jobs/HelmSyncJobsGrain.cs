using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Jobs;

[StatelessWorker]
[GrainType("planekeeper.jobs.helm-sync-directory")]
public sealed class HelmSyncJobsGrain(HelmSyncJobStore store, AuditWriter audit, TimeProvider clock)
    : JobDirectoryGrain<HelmSyncJobRow, HelmSyncJobRecord, HelmSyncJobDefinition, HelmSyncJobRequest>(store, audit, clock, JobKind.HelmSync), IHelmSyncJobsGrain
{
    protected override CommandResult<(HelmSyncJobDefinition Definition, CronSchedule? Schedule)> Validate(HelmSyncJobRequest request) =>
        HelmSyncJobRequests.Validate(request);
}
