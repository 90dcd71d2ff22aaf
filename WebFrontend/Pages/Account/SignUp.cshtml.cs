using Microsoft.AspNetCore.Mvc;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Pages.Account;

/// <summary>
/// <c>/signup</c>: the same sign-up as <c>POST /api/v1/auth/signup</c> (its messages next to the fields), then
/// signs the new account in; one that waits for approval lands on <c>/pending-approval</c>, which keeps the page asked
/// for (an invite link) to go on to once approved.
/// </summary>
public sealed class SignUpModel(PasswordSignIn accounts) : PlanekeeperPage
{
    [BindProperty(Name = "email")]
    public string? Email { get; set; }

    [BindProperty(Name = "password")]
    public string? Password { get; set; }

    [BindProperty(Name = "returnUrl", SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => Viewer is null ? Page() : RedirectLocal(ReturnUrl);

    public async Task<IActionResult> OnPostAsync()
    {
        var (refusal, result) = await accounts.SignUpAsync(HttpContext, Email, Password);
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

        var signedIn = await accounts.SignInAsync(HttpContext, Email, Password);
        if (signedIn.Kind != SignInOutcomeKind.SignedIn)
        {
            return Redirect("/login");
        }

        return result.Value.IsApproved ? RedirectLocal(ReturnUrl) : Redirect(PendingApprovalModel.Path(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null));
    }
}
