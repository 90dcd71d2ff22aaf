using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Organizations;

namespace Planekeeper.WebFrontend.Pages.Internal;

/// <summary>
/// <c>/internal/organizations</c>: every organization with its members, jobs, agents and open alerts; suspend and
/// unsuspend (docs/operations.md, "Suspending an organization").
/// </summary>
public sealed class OrganizationsModel(IClusterClient cluster) : InternalPage
{
    public IReadOnlyList<OrganizationOverview> Organizations { get; private set; } = [];

    public async Task OnGetAsync(string? notice)
    {
        Notice = notice switch { "suspended" => "Suspended: its members, API keys and agents are refused until you unsuspend it.", "unsuspended" => "Unsuspended.", _ => null };
        await LoadAsync();
    }

    public Task<IActionResult> OnPostSuspendAsync(long id) => SetAsync(id, true);

    public Task<IActionResult> OnPostUnsuspendAsync(long id) => SetAsync(id, false);

    private async Task<IActionResult> SetAsync(long id, bool suspended)
    {
        var result = await cluster.GetGrain<IOrganizationGrain>(id).SetSuspendedAsync(Operator, suspended);
        if (result.Status == CommandStatus.Ok)
        {
            return Redirect($"/internal/organizations?notice={(suspended ? "suspended" : "unsuspended")}");
        }

        await LoadAsync();
        return PageWithErrors(result);
    }

    private async Task LoadAsync() => Organizations = await cluster.GetGrain<IOrganizationOverviewGrain>(0).ListAsync();
}
