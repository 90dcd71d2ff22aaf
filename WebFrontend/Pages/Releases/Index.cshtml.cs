using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Interfaces.Jobs.Gather;

namespace Planekeeper.WebFrontend.Pages.Releases;

/// <summary>
/// <c>/releases</c>: the releases of the organization's gather jobs, newest found first, optionally of one gather job —
/// the grain call of <c>GET /api/v1/releases?gather_job_id=</c>.
/// </summary>
public sealed class ReleaseListModel(IClusterClient cluster) : PlanekeeperPage
{
    public const int PageSize = 50;
    private const int MostGatherJobs = 200;

    public long? GatherJobId { get; private set; }

    /// <summary>The gather jobs to filter by (the first 200), and their names for the table.</summary>
    public IReadOnlyList<GatherJobRecord> GatherJobs { get; private set; } = [];

    public Page<ReleaseRecord> Releases { get; private set; } = new([], null);

    public async Task OnGetAsync(long? gatherJobId, string? cursor)
    {
        GatherJobId = gatherJobId;
        GatherJobs = Viewer!.May("gather-jobs:list")
            ? (await cluster.GetGrain<IGatherJobDirectoryGrain>(0).ListAsync(OrganizationId, JobFilter.None, MostGatherJobs, null)).Items
            : [];
        Releases = await cluster.GetGrain<IReleasesGrain>(0).ListAsync(OrganizationId, gatherJobId, PageSize, long.TryParse(cursor, out var before) ? before : null);
    }

    public string JobName(long id) => GatherJobs.FirstOrDefault(job => job.Id == id)?.Name ?? $"gather job {id}";
}
