using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.WebFrontend.Charts;

namespace Planekeeper.WebFrontend.Pages.GatherJobs;

/// <summary>
/// <c>/gather-jobs/{id}</c>: one gather job — its definition, run status, releases (newest found first, a page at a
/// time, drawn on a time line) — with run now and clear releases; the grain calls of <c>GET /api/v1/gather-jobs/{id}</c>,
/// <c>/releases</c>, <c>POST …/run</c> and <c>DELETE …/releases</c>. Another organization's job is "not found".
/// </summary>
public sealed class GatherJobDetailModel(IClusterClient cluster) : PlanekeeperPage
{
    public const int ReleasesPerPage = 50;

    public GatherJobRecord Job { get; private set; } = null!;

    public Page<ReleaseRecord> Releases { get; private set; } = new([], null);

    public string Timeline { get; private set; } = "";

    /// <summary>The alert configs comparing with this job and the version each found deployed; empty without <c>alert-configs:list</c>.</summary>
    public IReadOnlyList<AlertConfigDrift> ComparedWith { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? before, string? notice)
    {
        if (!await LoadAsync(id, long.TryParse(before, out var cursor) ? cursor : null))
        {
            return NotFound();
        }

        Notice = notice switch
        {
            "run" => "The job is queued; an agent runs it next.",
            "cleared" => "The releases were cleared; the next run finds them again.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(long id) =>
        await DoneAsync(id, await Grain(id).RunNowAsync(Actor, OrganizationId), "run");

    public async Task<IActionResult> OnPostClearAsync(long id) =>
        await DoneAsync(id, await Grain(id).ClearReleasesAsync(Actor, OrganizationId), "cleared");

    /// <summary>After a command: back to the page with a notice (post/redirect/get), or the page with the refusal.</summary>
    private async Task<IActionResult> DoneAsync<T>(long id, CommandResult<T> result, string notice)
    {
        if (result.Status == CommandStatus.Ok)
        {
            return LocalRedirect($"/gather-jobs/{id}?notice={notice}");
        }

        return await LoadAsync(id, null) ? PageWithErrors(result) : NotFound();
    }

    private async Task<bool> LoadAsync(long id, long? before)
    {
        if (await Grain(id).GetAsync(OrganizationId) is not { } job)
        {
            return false;
        }

        Job = job;
        Releases = await Grain(id).ListReleasesAsync(OrganizationId, ReleasesPerPage, before) ?? new([], null);
        ComparedWith = Viewer!.May("alert-configs:list")
            ? await cluster.GetGrain<IAlertConfigDirectoryGrain>(0).DriftOfGatherJobAsync(OrganizationId, id)
            : [];
        Timeline = ReleaseTimelineChart.Render(
            Releases.Items.Select(release => new ReleaseTimelineChart.Point(release.Version, release.ReleasedAt ?? release.FoundAt, release.Prerelease)).ToList(),
            Deployments());
        return true;
    }

    /// <summary>Each deployed version once, with the scrape jobs that found it.</summary>
    private List<ReleaseTimelineChart.Deployment> Deployments() =>
        ComparedWith.Where(config => config.DeployedVersion is not null)
            .GroupBy(config => config.DeployedVersion!)
            .Select(group => new ReleaseTimelineChart.Deployment(group.Key, string.Join(", ", group.Select(config => config.ScrapeJobName).Distinct())))
            .ToList();

    private IGatherJobGrain Grain(long id) => cluster.GetGrain<IGatherJobGrain>(id);
}
