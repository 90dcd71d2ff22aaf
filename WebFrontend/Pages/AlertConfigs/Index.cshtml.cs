using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.WebFrontend.Pages.AlertConfigs;

/// <summary>
/// <c>/alert-configs</c>: every alert config as the drift table shows it (the grain call of
/// <c>GET /api/v1/alert-configs/drift</c>) with toggle (<c>POST …/{id}/toggle</c>).
/// </summary>
public sealed class AlertConfigListModel(IClusterClient cluster) : PlanekeeperPage
{
    public const int PageSize = 50;

    public Page<AlertConfigDrift> Configs { get; private set; } = new([], null);

    public async Task OnGetAsync(string? cursor) =>
        Configs = await cluster.GetGrain<IAlertConfigDirectoryGrain>(0).DriftAsync(OrganizationId, PageSize, long.TryParse(cursor, out var after) ? after : null);

    public async Task<IActionResult> OnPostToggleAsync(long id)
    {
        var result = await cluster.GetGrain<IAlertConfigGrain>(id).ToggleAsync(Actor, OrganizationId);
        if (result.Status == CommandStatus.Ok)
        {
            return LocalRedirect("/alert-configs");
        }

        await OnGetAsync(null);
        return PageWithErrors(result);
    }
}
