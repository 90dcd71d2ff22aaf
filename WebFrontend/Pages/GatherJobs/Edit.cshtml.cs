using Microsoft.AspNetCore.Mvc;

namespace Planekeeper.WebFrontend.Pages.GatherJobs;

/// <summary><c>/gather-jobs/{id}/edit</c>: replace a gather job's definition.</summary>
public sealed class GatherJobEditModel(IClusterClient cluster) : GatherJobFormPage(cluster)
{
    public Task<IActionResult> OnGetAsync(long id) => EditAsync(id);

    public Task<IActionResult> OnPostAsync(long id) => SaveAsync(id);
}
