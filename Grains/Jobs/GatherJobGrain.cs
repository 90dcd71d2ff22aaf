using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Jobs;

[GrainType("planekeeper.jobs.gather")]
public sealed class GatherJobGrain(GatherJobStore store, AuditWriter audit, TimeProvider clock)
    : JobGrain<GatherJobRow, GatherJobRecord, GatherJobDefinition, GatherJobRequest>(store, audit, clock, JobKind.Gather), IGatherJobGrain
{
    protected override CommandResult<(GatherJobDefinition Definition, CronSchedule? Schedule)> Validate(GatherJobRequest request) =>
        GatherJobRequests.Validate(request);
}
