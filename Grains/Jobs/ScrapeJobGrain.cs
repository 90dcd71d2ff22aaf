using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Jobs;

[GrainType("planekeeper.jobs.scrape")]
public sealed class ScrapeJobGrain(ScrapeJobStore store, AuditWriter audit, TimeProvider clock)
    : JobGrain<ScrapeJobRow, ScrapeJobRecord, ScrapeJobDefinition, ScrapeJobRequest>(store, audit, clock, JobKind.Scrape), IScrapeJobGrain
{
    protected override CommandResult<(ScrapeJobDefinition Definition, CronSchedule? Schedule)> Validate(ScrapeJobRequest request) =>
        ScrapeJobRequests.Validate(request);

    protected override bool IsRunnable(ScrapeJobDefinition definition) => definition.ParseType != ScrapeParseTypes.Manual;

    protected override string? RunRefusal(ScrapeJobRow row) =>
        row.ParseType == ScrapeParseTypes.Manual ? "manual scrape jobs do not run; set the version with POST /scrape-jobs/{id}/set-version" : null;
}
