using Microsoft.AspNetCore.Mvc;

namespace Planekeeper.WebFrontend.Pages.Account;

/// <summary>
/// <c>/pending-approval</c>: where a signed-in account waits for a global admin; an approved one goes on to the page
/// it asked for (<c>returnUrl</c>, e.g. the invite link it signed up from) or the dashboard.
/// </summary>
public sealed class PendingApprovalModel : PlanekeeperPage
{
    [BindProperty(Name = "returnUrl", SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>This page's address, keeping <paramref name="returnUrl"/> when there is one.</summary>
    public static string Path(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) ? "/pending-approval" : "/pending-approval?returnUrl=" + Uri.EscapeDataString(returnUrl);

    public IActionResult OnGet() => Viewer!.User.IsApproved ? RedirectLocal(ReturnUrl) : Page();
}
