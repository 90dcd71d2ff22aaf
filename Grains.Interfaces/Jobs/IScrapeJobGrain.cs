namespace Planekeeper.Grains.Interfaces.Jobs;

[Alias("planekeeper.jobs.scrape")]
public interface IScrapeJobGrain : IJobGrain<ScrapeJobRequest, ScrapeJobRecord>;
