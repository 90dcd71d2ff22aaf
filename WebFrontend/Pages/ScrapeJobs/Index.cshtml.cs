using Planekeeper.Grains.Interfaces.Jobs.Scrape;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.WebFrontend.Pages.Jobs;

namespace Planekeeper.WebFrontend.Pages.ScrapeJobs;

/// <summary><c>/scrape-jobs</c>: the organization's scrape jobs, the same grain call as <c>GET /api/v1/scrape-jobs</c>.</summary>
public sealed class ScrapeJobListModel(IClusterClient cluster) : JobListPage<ScrapeJobRecord>
{
    public async Task OnGetAsync(string? status, string? label, string? cursor)
    {
        await LoadAgentsAsync(cluster, JobRef.Scrape);
        await ListAsync(status, label, cursor, (filter, after) => cluster.GetGrain<IScrapeJobDirectoryGrain>(0).ListAsync(OrganizationId, filter, PageSize, after));
    }
}
