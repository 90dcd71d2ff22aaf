using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Jobs.HelmSync;

namespace Planekeeper.Grains.Jobs.HelmSync;

[StatelessWorker]
[GrainType("planekeeper.jobs.helm-sync-directory")]
public sealed class HelmSyncJobDirectoryGrain(HelmSyncJobStore store, AuditWriter audit, TimeProvider clock)
    : JobDirectoryGrain<HelmSyncJobRow, HelmSyncJobRecord, HelmSyncJobDefinition, HelmSyncJobRequest>(
        store, audit, clock, JobKind.HelmSync, HelmSyncJobRequests.Validate), IHelmSyncJobDirectoryGrain;
