using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Jobs;

namespace Planekeeper.Grains.Jobs;

[GrainType("planekeeper.jobs.gather")]
public sealed class GatherJobGrain(GatherJobStore store, AuditWriter audit, TimeProvider clock)
    : JobGrain<GatherJobRow, GatherJobRecord, GatherJobDefinition, GatherJobRequest>(store, audit, clock, JobKind.Gather, GatherJobRequests.Validate), IGatherJobGrain;
