using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Jobs.Scrape;

namespace Planekeeper.WebFrontend.Pages.ScrapeJobs;

/// <summary><c>/scrape-jobs/{id}/edit</c>: replace a scrape job's definition.</summary>
public sealed class ScrapeJobEditModel(IClusterClient cluster) : ScrapeJobFormPage(cluster)
{
    public async Task<IActionResult> OnGetAsync(long id)
    {
        Id = id;
        if (await Cluster.GetGrain<IScrapeJobGrain>(id).GetAsync(OrganizationId) is not { } job)
        {
            return NotFound();
        }

        Form = ScrapeJobForm.From(job);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(long id)
    {
        Id = id;
        return SaveAsync();
    }
}
