using Microsoft.AspNetCore.Mvc;

namespace Planekeeper.WebFrontend.Pages.HelmSyncJobs;

/// <summary><c>/helm-sync-jobs/new</c>: create a helm sync job.</summary>
public sealed class HelmSyncJobNewModel(IClusterClient cluster) : HelmSyncJobFormPage(cluster)
{
    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() => SaveAsync(null);
}
