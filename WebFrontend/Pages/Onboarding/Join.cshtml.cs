using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Pages.Onboarding;

/// <summary>
/// <c>/join/{token}</c>, the invite link: GET asks, POST accepts (as <c>POST /api/v1/invites/{token}/accept</c>), so
/// a link preview never joins anyone. Someone not signed in signs in (or up) first and comes back here.
/// </summary>
public sealed class JoinModel(IClusterClient cluster, PublicOrigin publicOrigin) : PlanekeeperPage
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await cluster.GetGrain<IOrganizationDirectoryGrain>(0).AcceptInviteAsync(Token, Viewer!.User.Id);
        if (result.Status != CommandStatus.Ok)
        {
            return PageWithErrors(result);
        }

        OrganizationCookie.Write(HttpContext, publicOrigin, result.Value!.Id);
        return Redirect("/");
    }
}
