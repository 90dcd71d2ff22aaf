namespace Planekeeper.Grains.Interfaces.Jobs;

[Alias("planekeeper.jobs.scrape-directory")]
public interface IScrapeJobsGrain : IJobDirectoryGrain<ScrapeJobRequest, ScrapeJobRecord>;
