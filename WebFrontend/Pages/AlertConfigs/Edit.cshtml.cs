using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Alerts;

namespace Planekeeper.WebFrontend.Pages.AlertConfigs;

/// <summary><c>/alert-configs/{id}/edit</c>: replace an alert config; it is evaluated again.</summary>
public sealed class AlertConfigEditModel(IClusterClient cluster) : AlertConfigFormPage(cluster)
{
    public async Task<IActionResult> OnGetAsync(long id)
    {
        Id = id;
        if (await Cluster.GetGrain<IAlertConfigGrain>(id).GetAsync(OrganizationId) is not { } config)
        {
            return NotFound();
        }

        Form = new AlertConfigRequest(config.Name, config.ScrapeJobId, config.GatherJobId, config.RuleId);
        LoadedVersion = config.Version;
        await LoadChoicesAsync();
        return Page();
    }

    public Task<IActionResult> OnPostAsync(long id)
    {
        Id = id;
        return SaveAsync();
    }
}
