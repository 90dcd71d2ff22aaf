using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Pages.Onboarding;

/// <summary>
/// <c>/onboarding</c>: create an organization (as <c>POST /api/v1/organizations</c>) or accept an invite (as
/// <c>POST /api/v1/invites/{token}/accept</c>); either makes it the browser's current organization and opens the
/// dashboard. Where a signed-in user without an organization lands, and where "New organization" leads.
/// </summary>
public sealed class OnboardingModel(IClusterClient cluster, PublicOrigin publicOrigin) : PlanekeeperPage
{
    [BindProperty(Name = "name")]
    public string? Name { get; set; }

    [BindProperty(Name = "invite")]
    public string? Invite { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var result = await cluster.GetGrain<IOrganizationDirectoryGrain>(0).CreateAsync(Name ?? "", Viewer!.User.Id);
        return Entered(result, "name");
    }

    public async Task<IActionResult> OnPostInviteAsync()
    {
        var token = InviteLink.Token(Invite);
        if (token.Length == 0)
        {
            return PageWithErrors(CommandResult<bool>.Invalid("invite", "paste the invite link or its token"));
        }

        var result = await cluster.GetGrain<IOrganizationDirectoryGrain>(0).AcceptInviteAsync(token, Viewer!.User.Id);
        return Entered(result, "invite");
    }

    /// <summary>On success the organization becomes current and the dashboard opens; otherwise the messages show at <paramref name="field"/>.</summary>
    private IActionResult Entered(CommandResult<OrganizationSummary> result, string field)
    {
        if (result.Status == CommandStatus.Ok)
        {
            OrganizationCookie.Write(HttpContext, publicOrigin, result.Value!.Id);
            return Redirect("/");
        }

        return PageWithErrors(result, field);
    }
}
