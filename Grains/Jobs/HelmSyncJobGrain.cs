using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Jobs;

namespace Planekeeper.Grains.Jobs;

[GrainType("planekeeper.jobs.helm-sync")]
public sealed class HelmSyncJobGrain(HelmSyncJobStore store, AuditWriter audit, TimeProvider clock)
    : JobGrain<HelmSyncJobRow, HelmSyncJobRecord, HelmSyncJobDefinition, HelmSyncJobRequest>(store, audit, clock, JobKind.HelmSync, HelmSyncJobRequests.Validate), IHelmSyncJobGrain;
