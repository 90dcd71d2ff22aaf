using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Jobs.Scrape;

namespace Planekeeper.Grains.Jobs.Scrape;

[StatelessWorker]
[GrainType("planekeeper.jobs.scrape-directory")]
public sealed class ScrapeJobDirectoryGrain(ScrapeJobStore store, AuditWriter audit, TimeProvider clock)
    : JobDirectoryGrain<ScrapeJobRow, ScrapeJobRecord, ScrapeJobDefinition, ScrapeJobRequest>(
        store, audit, clock, JobKind.Scrape, ScrapeJobRequests.Validate, ScrapeJobGrain.IsRunnable), IScrapeJobDirectoryGrain;
