using Planekeeper.Grains.Interfaces.Access;

namespace Planekeeper.WebFrontend.Pages.Roles;

/// <summary><c>/roles</c>: the built-in roles (read-only, with their statements) and the organization's custom roles.</summary>
public sealed class RoleListModel(IClusterClient cluster) : PlanekeeperPage
{
    public IReadOnlyList<RoleRecord> Roles { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? notice)
    {
        Notice = notice == "deleted" ? "The role was deleted." : null;
        Roles = await cluster.GetGrain<IPermissionGrain>(OrganizationId).ListRolesAsync();
    }
}
