using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.WebFrontend.Pages.Jobs;

namespace Planekeeper.WebFrontend.Pages.GatherJobs;

/// <summary>
/// What the new and edit pages of a gather job share: the form, and saving it through the grain that validates it exactly
/// as <c>POST</c>/<c>PUT /api/v1/gather-jobs</c> do, its messages shown next to their fields.
/// </summary>
public abstract class GatherJobFormPage(IClusterClient cluster) : PlanekeeperPage
{
    public static IReadOnlyList<string> SourceTypes { get; } = ["github_releases", "helm_repository", "oci_registry"];

    /// <summary>The job being edited; null on the new-job page.</summary>
    public long? Id { get; protected set; }

    [BindProperty]
    public GatherJobForm Form { get; set; } = new();

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
            ? await cluster.GetGrain<IGatherJobGrain>(id).UpdateAsync(Actor, OrganizationId, request)
            : await cluster.GetGrain<IGatherJobDirectoryGrain>(0).CreateAsync(Actor, OrganizationId, request);
        return result.Status == CommandStatus.Ok ? LocalRedirect($"/gather-jobs/{result.Value!.Id}") : PageWithErrors(result);
    }
}
