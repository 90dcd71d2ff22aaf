using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Jobs;

[StatelessWorker]
[GrainType("planekeeper.jobs.scrape-directory")]
public sealed class ScrapeJobsGrain(ScrapeJobStore store, AuditWriter audit, TimeProvider clock)
    : JobDirectoryGrain<ScrapeJobRow, ScrapeJobRecord, ScrapeJobDefinition, ScrapeJobRequest>(store, audit, clock, JobKind.Scrape), IScrapeJobsGrain
{
    protected override CommandResult<(ScrapeJobDefinition Definition, CronSchedule? Schedule)> Validate(ScrapeJobRequest request) =>
        ScrapeJobRequests.Validate(request);

    protected override bool IsRunnable(ScrapeJobDefinition definition) => definition.ParseType != ScrapeParseTypes.Manual;
}
