using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Jobs;

namespace Planekeeper.Grains.Jobs;

[StatelessWorker]
[GrainType("planekeeper.jobs.helm-sync-directory")]
public sealed class HelmSyncJobsGrain(HelmSyncJobStore store, AuditWriter audit, TimeProvider clock)
    : JobDirectoryGrain<HelmSyncJobRow, HelmSyncJobRecord, HelmSyncJobDefinition, HelmSyncJobRequest>(
        store, audit, clock, JobKind.HelmSync, HelmSyncJobRequests.Validate), IHelmSyncJobsGrain;
