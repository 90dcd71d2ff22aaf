using Microsoft.AspNetCore.Mvc;

namespace Planekeeper.WebFrontend.Pages.ScrapeJobs;

/// <summary><c>/scrape-jobs/{id}/edit</c>: replace a scrape job's definition.</summary>
public sealed class ScrapeJobEditModel(IClusterClient cluster) : ScrapeJobFormPage(cluster)
{
    public Task<IActionResult> OnGetAsync(long id) => EditAsync(id);

    public Task<IActionResult> OnPostAsync(long id) => SaveAsync(id);
}
