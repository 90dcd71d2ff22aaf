using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.EarlyAccess;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Pages.Account;

/// <summary>
/// <c>/signup</c>: the same sign-up as <c>POST /api/v1/auth/signup</c> (its messages next to the fields), then
/// signs the new account in; one that waits for approval lands on <c>/pending-approval</c>, which keeps the page asked
/// for (an invite link) to go on to once approved. With <c>?invite=</c> (an early-access invitation, docs/operations.md)
/// it signs up only the invited email, approved at once, and uses the invitation up.
/// </summary>
public sealed class SignUpModel(PasswordSignIn accounts, IClusterClient cluster) : PlanekeeperPage
{
    [BindProperty(Name = "invite", SupportsGet = true)]
    public string? Invite { get; set; }

    [BindProperty(Name = "email")]
    public string? Email { get; set; }

    [BindProperty(Name = "password")]
    public string? Password { get; set; }

    [BindProperty(Name = "returnUrl", SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => Viewer is null ? Page() : RedirectLocal(ReturnUrl);

    public async Task<IActionResult> OnPostAsync()
    {
        var earlyAccess = cluster.GetGrain<IEarlyAccessGrain>(0);
        var invited = !string.IsNullOrEmpty(Invite);
        if (invited && !await earlyAccess.CheckInvitationAsync(Invite!, Email ?? ""))
        {
            ModelState.AddModelError("email", "This invitation is not valid for this email, or it was already used.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var (refusal, result) = await accounts.SignUpAsync(HttpContext, Email, Password, approved: invited);
        if (refusal is not null)
        {
            ModelState.AddModelError("", $"Too many attempts; try again in {refusal.RetryAfterSeconds} s.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (result!.Value is null)
        {
            return PageWithErrors(result);
        }

        if (invited)
        {
            await earlyAccess.RedeemInvitationAsync(Invite!, result.Value.Id);
        }

        var signedIn = await accounts.SignInAsync(HttpContext, Email, Password);
        if (signedIn.Kind != SignInOutcomeKind.SignedIn)
        {
            return Redirect("/login");
        }

        return result.Value.IsApproved ? RedirectLocal(ReturnUrl) : Redirect(PendingApprovalModel.Path(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null));
    }
}
