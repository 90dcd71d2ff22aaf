using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Jobs.Gather;

namespace Planekeeper.WebFrontend.Pages.GatherJobs;

/// <summary><c>/gather-jobs/{id}/edit</c>: replace a gather job's definition.</summary>
public sealed class GatherJobEditModel(IClusterClient cluster) : GatherJobFormPage(cluster)
{
    public async Task<IActionResult> OnGetAsync(long id)
    {
        Id = id;
        if (await Cluster.GetGrain<IGatherJobGrain>(id).GetAsync(OrganizationId) is not { } job)
        {
            return NotFound();
        }

        Form = GatherJobForm.From(job);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(long id)
    {
        Id = id;
        return SaveAsync();
    }
}
