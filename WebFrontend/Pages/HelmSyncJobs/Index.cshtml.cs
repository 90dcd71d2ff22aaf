using Planekeeper.Grains.Interfaces.Jobs.HelmSync;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.WebFrontend.Pages.Jobs;

namespace Planekeeper.WebFrontend.Pages.HelmSyncJobs;

/// <summary><c>/helm-sync-jobs</c>: the organization's helm sync jobs, the same grain call as <c>GET /api/v1/helm-sync-jobs</c>.</summary>
public sealed class HelmSyncJobListModel(IClusterClient cluster) : JobListPage<HelmSyncJobRecord>
{
    public async Task OnGetAsync(string? status, string? label, string? cursor)
    {
        await LoadAgentsAsync(cluster, JobRef.HelmSync);
        await ListAsync(status, label, cursor, (filter, after) => cluster.GetGrain<IHelmSyncJobDirectoryGrain>(0).ListAsync(OrganizationId, filter, PageSize, after));
    }
}
