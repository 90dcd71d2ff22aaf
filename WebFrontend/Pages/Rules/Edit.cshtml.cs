using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Rules;

namespace Planekeeper.WebFrontend.Pages.Rules;

/// <summary><c>/monitoring-rules/{id}/edit</c>: replace a monitoring rule; the alert configs using it are evaluated again.</summary>
public sealed class RuleEditModel(IClusterClient cluster) : RuleFormPage(cluster)
{
    public async Task<IActionResult> OnGetAsync(long id)
    {
        Id = id;
        if (await Cluster.GetGrain<IMonitoringRuleGrain>(id).GetAsync(OrganizationId) is not { } rule)
        {
            return NotFound();
        }

        Form = new MonitoringRuleRequest(rule.Name, rule.RuleType, rule.Moderate, rule.High, rule.Critical, rule.StableOnly);
        LoadedVersion = rule.Version;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(long id)
    {
        Id = id;
        return SaveAsync();
    }
}
