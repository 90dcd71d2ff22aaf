using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.Scrape;
using Planekeeper.WebFrontend.Pages.Jobs;

namespace Planekeeper.WebFrontend.Pages.ScrapeJobs;

/// <summary>
/// What the new and edit pages of a scrape job share: the form, saved through the grain that validates it exactly as
/// <c>POST</c>/<c>PUT /api/v1/scrape-jobs</c> do, its messages shown next to their fields.
/// </summary>
public abstract class ScrapeJobFormPage(IClusterClient cluster) : PlanekeeperPage
{
    public static IReadOnlyList<string> ParseTypes { get; } = ["yq", "jq", "regex", "manual"];

    public static IReadOnlyList<string> VersionTransforms { get; } = ["none", "add_v_lower", "add_v_upper", "strip_v_lower", "strip_v_upper"];

    /// <summary>The job being edited; null on the new-job page.</summary>
    public long? Id { get; protected set; }

    [BindProperty]
    public ScrapeJobForm Form { get; set; } = new();

    protected IClusterClient Cluster => cluster;

    protected async Task<IActionResult> SaveAsync()
    {
        if (LabelLines.Parse(Form.Labels) is not { } labels)
        {
            ModelState.AddModelError("labels", LabelLines.Problem);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var request = Form.ToRequest(labels);
        var result = Id is { } id
            ? await cluster.GetGrain<IScrapeJobGrain>(id).UpdateAsync(Actor, OrganizationId, request)
            : await cluster.GetGrain<IScrapeJobDirectoryGrain>(0).CreateAsync(Actor, OrganizationId, request);
        return result.Status == CommandStatus.Ok ? LocalRedirect($"/scrape-jobs/{result.Value!.Id}") : PageWithErrors(result);
    }
}
