using Microsoft.AspNetCore.Mvc;

namespace Planekeeper.WebFrontend.Pages.ScrapeJobs;

/// <summary><c>/scrape-jobs/new</c>: create a scrape job.</summary>
public sealed class ScrapeJobNewModel(IClusterClient cluster) : ScrapeJobFormPage(cluster)
{
    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() => SaveAsync(null);
}
