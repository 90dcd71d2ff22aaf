using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.WebFrontend.Identity;
using Planekeeper.WebFrontend.Pages.Onboarding;

namespace Planekeeper.WebFrontend.Pages.Team;

/// <summary>
/// <c>/invites/new</c>: invite an email with a role (as <c>POST /api/v1/invites</c>, needs <c>invites:create</c>) and
/// show the invite link <c>/join/{token}</c> once. Everyone who may read the organization sees the form; the button is
/// disabled for those without <c>invites:create</c>, and their POST is refused by the route table all the same.
/// </summary>
public sealed class InviteModel(IClusterClient cluster, PublicOrigin publicOrigin) : PlanekeeperPage
{
    public const string CreateAction = "invites:create";

    [BindProperty(Name = "email")]
    public string? Email { get; set; }

    [BindProperty(Name = "role")]
    public string Role { get; set; } = "member";

    public IReadOnlyList<RoleRecord> Roles { get; private set; } = [];

    /// <summary>The new invite's link, shown once after it is created.</summary>
    public string? Link { get; private set; }

    public async Task OnGetAsync() => Roles = await RolesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Roles = await RolesAsync();
        var result = await cluster.GetGrain<IOrganizationGrain>(OrganizationId).CreateInviteAsync(HttpContext.Identity().Subject!, Email ?? "", Role);
        if (result.Status != CommandStatus.Ok)
        {
            return PageWithErrors(result);
        }

        Link = publicOrigin.Origin + InviteLink.PathPrefix + result.Value!.Token;
        return Page();
    }

    private Task<IReadOnlyList<RoleRecord>> RolesAsync() => cluster.GetGrain<IPermissionGrain>(OrganizationId).ListRolesAsync();
}
