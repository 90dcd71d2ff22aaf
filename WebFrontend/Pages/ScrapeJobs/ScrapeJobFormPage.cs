using Planekeeper.Grains.Interfaces.Jobs.Scrape;
using Planekeeper.WebFrontend.Pages.Jobs;

namespace Planekeeper.WebFrontend.Pages.ScrapeJobs;

/// <summary>The new and edit pages of a scrape job (docs/ui.md).</summary>
public abstract class ScrapeJobFormPage(IClusterClient cluster)
    : JobFormPage<ScrapeJobForm, ScrapeJobRequest, ScrapeJobRecord, IScrapeJobGrain, IScrapeJobDirectoryGrain>(cluster)
{
    protected override string Path => "/scrape-jobs";

    protected override ScrapeJobForm FormOf(ScrapeJobRecord job) => ScrapeJobForm.From(job);
}
