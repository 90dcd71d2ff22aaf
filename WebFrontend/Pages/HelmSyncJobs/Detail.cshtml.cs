using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.Grains.Interfaces.Jobs.HelmSync;

namespace Planekeeper.WebFrontend.Pages.HelmSyncJobs;

/// <summary>
/// <c>/helm-sync-jobs/{id}</c>: one helm sync job — status, definition, the charts its last run found (each with its
/// child gather job, found by the label <c>planekeeper.io/helm-sync-job</c>) and the charts that left the index — with
/// run now; the grain calls of <c>GET /api/v1/helm-sync-jobs/{id}</c>, <c>/charts</c> and <c>POST …/run</c>.
/// </summary>
public sealed class HelmSyncJobDetailModel(IClusterClient cluster) : PlanekeeperPage
{
    public const string JobLabel = "planekeeper.io/helm-sync-job";
    public const string ChartLabel = "planekeeper.io/chart";
    private const int MostChildren = 200;

    public HelmSyncJobRecord Job { get; private set; } = null!;

    public HelmChartList Charts { get; private set; } = new([], []);

    /// <summary>The child gather job of each chart, by chart name.</summary>
    public IReadOnlyDictionary<string, GatherJobRecord> Children { get; private set; } = new Dictionary<string, GatherJobRecord>();

    public bool Queued { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? notice)
    {
        Queued = notice == "run";
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRunAsync(long id)
    {
        var result = await Grain(id).RunNowAsync(Actor, OrganizationId);
        if (result.Status == CommandStatus.Ok)
        {
            return LocalRedirect($"/helm-sync-jobs/{id}?notice=run");
        }

        return await LoadAsync(id) ? PageWithErrors(result) : NotFound();
    }

    private async Task<bool> LoadAsync(long id)
    {
        if (await Grain(id).GetAsync(OrganizationId) is not { } job)
        {
            return false;
        }

        Job = job;
        Charts = await Grain(id).ListChartsAsync(OrganizationId) ?? new([], []);
        if (Viewer!.May("gather-jobs:list"))
        {
            var filter = new JobFilter(null, new Dictionary<string, string> { [JobLabel] = id.ToString() });
            var children = await cluster.GetGrain<IGatherJobDirectoryGrain>(0).ListAsync(OrganizationId, filter, MostChildren, null);
            Children = children.Items
                .Where(child => child.Labels.ContainsKey(ChartLabel))
                .GroupBy(child => child.Labels[ChartLabel])
                .ToDictionary(group => group.Key, group => group.First());
        }

        return true;
    }

    private IHelmSyncJobGrain Grain(long id) => cluster.GetGrain<IHelmSyncJobGrain>(id);
}
