using Microsoft.AspNetCore.Mvc;

namespace Planekeeper.WebFrontend.Pages.HelmSyncJobs;

/// <summary><c>/helm-sync-jobs/{id}/edit</c>: replace a helm sync job's definition.</summary>
public sealed class HelmSyncJobEditModel(IClusterClient cluster) : HelmSyncJobFormPage(cluster)
{
    public Task<IActionResult> OnGetAsync(long id) => EditAsync(id);

    public Task<IActionResult> OnPostAsync(long id) => SaveAsync(id);
}
