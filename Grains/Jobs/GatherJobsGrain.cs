using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Jobs;

namespace Planekeeper.Grains.Jobs;

[StatelessWorker]
[GrainType("planekeeper.jobs.gather-directory")]
public sealed class GatherJobsGrain(GatherJobStore store, AuditWriter audit, TimeProvider clock)
    : JobDirectoryGrain<GatherJobRow, GatherJobRecord, GatherJobDefinition, GatherJobRequest>(
        store, audit, clock, JobKind.Gather, GatherJobRequests.Validate), IGatherJobsGrain;
