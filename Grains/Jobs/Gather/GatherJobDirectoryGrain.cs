using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Jobs.Gather;

namespace Planekeeper.Grains.Jobs.Gather;

[StatelessWorker]
[GrainType("planekeeper.jobs.gather-directory")]
public sealed class GatherJobDirectoryGrain(GatherJobStore store, AuditWriter audit, TimeProvider clock)
    : JobDirectoryGrain<GatherJobRow, GatherJobRecord, GatherJobDefinition, GatherJobRequest>(
        store, audit, clock, JobKind.Gather, GatherJobRequests.Validate), IGatherJobDirectoryGrain;
