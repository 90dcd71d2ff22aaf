using Microsoft.AspNetCore.Mvc;

namespace Planekeeper.WebFrontend.Pages.Account;

/// <summary><c>/pending-approval</c>: where a signed-in account waits for a global admin; an approved one goes on.</summary>
public sealed class PendingApprovalModel : PlanekeeperPage
{
    public IActionResult OnGet() => Viewer!.User.IsApproved ? Redirect("/") : Page();
}
