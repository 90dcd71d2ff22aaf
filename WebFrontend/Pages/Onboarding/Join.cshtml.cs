using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Pages.Onboarding;

/// <summary>
/// <c>/join/{token}</c>, the invite link: GET asks, POST accepts (as <c>POST /api/v1/invites/{token}/accept</c>), so
/// a link preview never joins anyone. The page names the organization and the role before anyone accepts. Someone not signed in signs in (or up) first and comes back here.
/// </summary>
public sealed class JoinModel(IClusterClient cluster, PublicOrigin publicOrigin) : PlanekeeperPage
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    /// <summary>What the invite offers, or null for a link that matches no invite.</summary>
    public InviteForAccount? Invite { get; private set; }

    public async Task OnGetAsync() => await DescribeAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await cluster.GetGrain<IOrganizationDirectoryGrain>(0).AcceptInviteAsync(Token, Viewer!.User.Id);
        if (result.Status != CommandStatus.Ok)
        {
            await DescribeAsync();
            return PageWithErrors(result);
        }

        OrganizationCookie.Write(HttpContext, publicOrigin, result.Value!.Id);
        return Redirect("/");
    }

    private async Task DescribeAsync() =>
        Invite = (await cluster.GetGrain<IOrganizationDirectoryGrain>(0).DescribeInviteAsync(Token, Viewer!.User.Id)).Value;
}
