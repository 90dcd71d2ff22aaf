using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.WebFrontend.Pages.Jobs;

namespace Planekeeper.WebFrontend.Pages.GatherJobs;

/// <summary><c>/gather-jobs</c>: the organization's gather jobs, the same grain call as <c>GET /api/v1/gather-jobs</c>.</summary>
public sealed class GatherJobListModel(IClusterClient cluster) : JobListPage<GatherJobRecord>
{
    public async Task OnGetAsync(string? status, string? label, string? cursor)
    {
        await LoadAgentsAsync(cluster, JobRef.Gather);
        await ListAsync(status, label, cursor, (filter, after) => cluster.GetGrain<IGatherJobDirectoryGrain>(0).ListAsync(OrganizationId, filter, PageSize, after));
    }
}
