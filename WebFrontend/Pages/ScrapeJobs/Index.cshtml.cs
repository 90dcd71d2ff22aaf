using Planekeeper.Grains.Interfaces.Jobs.Scrape;
using Planekeeper.WebFrontend.Pages.Jobs;

namespace Planekeeper.WebFrontend.Pages.ScrapeJobs;

/// <summary><c>/scrape-jobs</c>: the organization's scrape jobs, the same grain call as <c>GET /api/v1/scrape-jobs</c>.</summary>
public sealed class ScrapeJobListModel(IClusterClient cluster) : JobListPage<ScrapeJobRecord>
{
    public Task OnGetAsync(string? status, string? label, string? cursor) =>
        ListAsync(status, label, cursor, (filter, after) => cluster.GetGrain<IScrapeJobDirectoryGrain>(0).ListAsync(OrganizationId, filter, PageSize, after));
}
