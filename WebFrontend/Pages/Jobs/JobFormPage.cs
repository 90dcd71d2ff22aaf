using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;

namespace Planekeeper.WebFrontend.Pages.Jobs;

/// <summary>A job form as the browser posts it: labels as <c>key: value</c> lines, turned into the API's request.</summary>
public interface IJobForm<out TRequest>
{
    string? Labels { get; }

    TRequest ToRequest(IReadOnlyDictionary<string, string> labels);
}

/// <summary>
/// What the new and edit pages of every job kind share: the form, loading the job to edit, and saving through the
/// grain that validates it exactly as <c>POST</c>/<c>PUT /api/v1/{kind}-jobs</c> do, its messages next to their fields.
/// </summary>
public abstract class JobFormPage<TForm, TRequest, TRecord, TGrain, TDirectory>(IClusterClient cluster) : PlanekeeperPage
    where TForm : IJobForm<TRequest>, new()
    where TRecord : class, IJobRecord
    where TGrain : IJobGrain<TRequest, TRecord>
    where TDirectory : IJobDirectoryGrain<TRequest, TRecord>
{
    /// <summary>The job being edited; null on the new-job page.</summary>
    public long? Id { get; private set; }

    [BindProperty]
    public TForm Form { get; set; } = new();

    /// <summary>The job's version when the edit form was loaded; its save is refused (412) when the job moved on since.</summary>
    [BindProperty]
    public int? LoadedVersion { get; set; }

    /// <summary>Where the kind's pages live, e.g. <c>/gather-jobs</c>.</summary>
    protected abstract string Path { get; }

    protected abstract TForm FormOf(TRecord job);

    /// <summary>The edit page's GET: the form filled in from the job, or the 404 page.</summary>
    protected async Task<IActionResult> EditAsync(long id)
    {
        Id = id;
        if (await cluster.GetGrain<TGrain>(id).GetAsync(OrganizationId) is not { } job)
        {
            return NotFound();
        }

        Form = FormOf(job);
        LoadedVersion = job.Version;
        return Page();
    }

    protected async Task<IActionResult> SaveAsync(long? id)
    {
        Id = id;
        if (LabelLines.Parse(Form.Labels) is not { } labels)
        {
            ModelState.AddModelError("labels", LabelLines.Problem);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var request = Form.ToRequest(labels);
        var result = id is { } existing
            ? await cluster.GetGrain<TGrain>(existing).UpdateAsync(Actor, OrganizationId, request, Loaded(LoadedVersion))
            : await cluster.GetGrain<TDirectory>(0).CreateAsync(Actor, OrganizationId, request);
        return result.Status == CommandStatus.Ok ? LocalRedirect($"{Path}/{result.Value!.Id}") : PageWithErrors(result);
    }
}
