using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.Scrape;

namespace Planekeeper.WebFrontend.Pages.ScrapeJobs;

/// <summary>
/// <c>/scrape-jobs/{id}</c>: one scrape job — its definition, run status and version history (newest first) — with run
/// now and, for a manual job, setting the deployed version; the grain calls of <c>GET /api/v1/scrape-jobs/{id}</c>,
/// <c>/versions</c>, <c>POST …/run</c> and <c>POST …/set-version</c>. Another organization's job is "not found".
/// </summary>
public sealed class ScrapeJobDetailModel(IClusterClient cluster) : PlanekeeperPage
{
    public ScrapeJobRecord Job { get; private set; } = null!;

    public IReadOnlyList<VersionSnapshot> Versions { get; private set; } = [];

    public string? Notice { get; private set; }

    [BindProperty]
    public string? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, string? notice)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Notice = notice switch
        {
            "run" => "The job is queued; an agent runs it next.",
            "set" => "The deployed version is set; the alert configs using this job are evaluated.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(long id) => await DoneAsync(id, await Grain(id).RunNowAsync(Actor, OrganizationId), "run", "");

    public async Task<IActionResult> OnPostSetVersionAsync(long id) =>
        await DoneAsync(id, await Grain(id).SetVersionAsync(Actor, OrganizationId, Version ?? ""), "set", "version");

    /// <summary>After a command: back to the page with a notice (post/redirect/get), or the page with the refusal.</summary>
    private async Task<IActionResult> DoneAsync<T>(long id, CommandResult<T> result, string notice, string field)
    {
        if (result.Status == CommandStatus.Ok)
        {
            return LocalRedirect($"/scrape-jobs/{id}?notice={notice}");
        }

        return await LoadAsync(id) ? PageWithErrors(result, field) : NotFound();
    }

    private async Task<bool> LoadAsync(long id)
    {
        if (await Grain(id).GetAsync(OrganizationId) is not { } job)
        {
            return false;
        }

        Job = job;
        Versions = await Grain(id).ListVersionsAsync(OrganizationId) ?? [];
        return true;
    }

    private IScrapeJobGrain Grain(long id) => cluster.GetGrain<IScrapeJobGrain>(id);
}
