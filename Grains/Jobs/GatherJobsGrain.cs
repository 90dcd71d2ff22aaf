using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Jobs;

[StatelessWorker]
[GrainType("planekeeper.jobs.gather-directory")]
public sealed class GatherJobsGrain(GatherJobStore store, AuditWriter audit, TimeProvider clock)
    : JobDirectoryGrain<GatherJobRow, GatherJobRecord, GatherJobDefinition, GatherJobRequest>(store, audit, clock, JobKind.Gather), IGatherJobsGrain
{
    protected override CommandResult<(GatherJobDefinition Definition, CronSchedule? Schedule)> Validate(GatherJobRequest request) =>
        GatherJobRequests.Validate(request);
}
