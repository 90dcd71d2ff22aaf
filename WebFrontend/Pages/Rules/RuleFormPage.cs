using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Rules;

namespace Planekeeper.WebFrontend.Pages.Rules;

/// <summary>
/// What the new and edit pages of a monitoring rule share: the form, saved through the grain that validates it exactly
/// as <c>POST</c>/<c>PUT /api/v1/monitoring-rules</c> do (thresholds whole numbers with moderate ≤ high ≤ critical).
/// </summary>
public abstract class RuleFormPage(IClusterClient cluster) : PlanekeeperPage
{
    public static IReadOnlyList<(string Type, string Meaning)> RuleTypes { get; } =
    [
        ("majors_behind", "major versions behind the latest release"),
        ("minors_behind", "minor lines behind the latest release"),
        ("days_behind", "days since the deployed version's release, once a newer one exists"),
    ];

    /// <summary>The rule being edited; null on the new-rule page.</summary>
    public long? Id { get; protected set; }

    [BindProperty]
    public MonitoringRuleRequest Form { get; set; } = new(null, "majors_behind", 1, 2, 3, true);

    /// <summary>The rule's version when the edit form was loaded; its save is refused (412) when the rule moved on since.</summary>
    [BindProperty]
    public int? LoadedVersion { get; set; }

    protected IClusterClient Cluster => cluster;

    protected async Task<IActionResult> SaveAsync()
    {
        var result = Id is { } id
            ? await cluster.GetGrain<IMonitoringRuleGrain>(id).UpdateAsync(Actor, OrganizationId, Form, Loaded(LoadedVersion))
            : await cluster.GetGrain<IMonitoringRuleDirectoryGrain>(0).CreateAsync(Actor, OrganizationId, Form);
        return result.Status == CommandStatus.Ok ? LocalRedirect("/monitoring-rules") : PageWithErrors(result);
    }
}
