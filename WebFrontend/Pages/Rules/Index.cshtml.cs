using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Rules;

namespace Planekeeper.WebFrontend.Pages.Rules;

/// <summary>
/// <c>/monitoring-rules</c>: the organization's rules with toggle and evaluate (the grain calls of
/// <c>GET /api/v1/monitoring-rules</c>, <c>POST …/{id}/toggle</c> and <c>POST …/{id}/evaluate</c>); an evaluation's
/// outcome per alert config is shown on the page.
/// </summary>
public sealed class RuleListModel(IClusterClient cluster) : PlanekeeperPage
{
    public const int PageSize = 200;

    public Page<MonitoringRuleRecord> Rules { get; private set; } = new([], null);

    /// <summary>The rule just evaluated and what each of its alert configs came to.</summary>
    public (MonitoringRuleRecord Rule, IReadOnlyList<ConfigEvaluation> Outcomes)? Evaluated { get; private set; }

    public async Task OnGetAsync(string? cursor) =>
        Rules = await cluster.GetGrain<IMonitoringRuleDirectoryGrain>(0).ListAsync(OrganizationId, PageSize, long.TryParse(cursor, out var after) ? after : null);

    public async Task<IActionResult> OnPostToggleAsync(long id)
    {
        var result = await cluster.GetGrain<IMonitoringRuleGrain>(id).ToggleAsync(Actor, OrganizationId);
        return result.Status == CommandStatus.Ok ? LocalRedirect("/monitoring-rules") : await RefusedAsync(result);
    }

    public async Task<IActionResult> OnPostEvaluateAsync(long id)
    {
        var rule = cluster.GetGrain<IMonitoringRuleGrain>(id);
        var result = await rule.EvaluateAsync(Actor, OrganizationId);
        if (result.Status != CommandStatus.Ok)
        {
            return await RefusedAsync(result);
        }

        await OnGetAsync(null);
        Evaluated = ((await rule.GetAsync(OrganizationId))!, result.Value!);
        return Page();
    }

    private async Task<IActionResult> RefusedAsync<T>(CommandResult<T> result)
    {
        await OnGetAsync(null);
        return PageWithErrors(result);
    }
}
