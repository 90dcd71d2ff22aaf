using Microsoft.AspNetCore.Mvc;

namespace Planekeeper.WebFrontend.Pages.GatherJobs;

/// <summary><c>/gather-jobs/new</c>: create a gather job.</summary>
public sealed class GatherJobNewModel(IClusterClient cluster) : GatherJobFormPage(cluster)
{
    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() => SaveAsync(null);
}
