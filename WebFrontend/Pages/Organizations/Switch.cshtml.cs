using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Pages.Organizations;

/// <summary>
/// <c>POST /switch-organization</c>, the header's organization switcher: remembers the choice in the browser
/// (<see cref="OrganizationCookie"/>, read by pages and the API alike) and opens the dashboard. An organization the
/// user does not belong to is 404, as in the API.
/// </summary>
public sealed class SwitchModel(IClusterClient cluster, PublicOrigin publicOrigin) : PlanekeeperPage
{
    [BindProperty(Name = "organizationId")]
    public long OrganizationChoice { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (OrganizationChoice <= 0 || !await cluster.GetGrain<IOrganizationGrain>(OrganizationChoice).IsMemberAsync(Viewer!.User.Id))
        {
            return NotFound();
        }

        OrganizationCookie.Write(HttpContext, publicOrigin, OrganizationChoice);
        return Redirect("/");
    }
}
