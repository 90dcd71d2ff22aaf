namespace Planekeeper.Grains.Interfaces.Jobs.Scrape;

[Alias("planekeeper.jobs.scrape-directory")]
public interface IScrapeJobDirectoryGrain : IJobDirectoryGrain<ScrapeJobRequest, ScrapeJobRecord>;
