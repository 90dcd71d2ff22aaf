using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Jobs;

namespace Planekeeper.Grains.Jobs;

[StatelessWorker]
[GrainType("planekeeper.jobs.scrape-directory")]
public sealed class ScrapeJobsGrain(ScrapeJobStore store, AuditWriter audit, TimeProvider clock)
    : JobDirectoryGrain<ScrapeJobRow, ScrapeJobRecord, ScrapeJobDefinition, ScrapeJobRequest>(
        store, audit, clock, JobKind.Scrape, ScrapeJobRequests.Validate, ScrapeJobGrain.IsRunnable), IScrapeJobsGrain;
