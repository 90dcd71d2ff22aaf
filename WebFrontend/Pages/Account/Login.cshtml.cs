using Microsoft.AspNetCore.Mvc;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Pages.Account;

/// <summary>
/// <c>/login</c>: the same password sign-in as <c>POST /api/v1/auth/login</c> (<see cref="PasswordSignIn"/>); a
/// throttled or locked attempt says plainly when to try again.
/// </summary>
public sealed class LoginModel(PasswordSignIn signIn) : PlanekeeperPage
{
    [BindProperty(Name = "email")]
    public string? Email { get; set; }

    [BindProperty(Name = "password")]
    public string? Password { get; set; }

    [BindProperty(Name = "returnUrl", SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(Name = "signedOut", SupportsGet = true)]
    public bool SignedOut { get; set; }

    public IActionResult OnGet() => Viewer is null ? Page() : RedirectLocal(ReturnUrl);

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await signIn.SignInAsync(HttpContext, Email, Password);
        switch (outcome.Kind)
        {
            case SignInOutcomeKind.SignedIn:
                return RedirectLocal(ReturnUrl);
            case SignInOutcomeKind.Invalid:
                ModelState.AddModelError(outcome.Field!, outcome.Message);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                break;
            case SignInOutcomeKind.Throttled:
                ModelState.AddModelError("", $"Too many sign-in attempts; try again in {outcome.RetryAfterSeconds} s.");
                TooManyRequests(outcome.RetryAfterSeconds);
                break;
            case SignInOutcomeKind.LockedOut:
                ModelState.AddModelError("", $"This account is locked after too many failed sign-ins; try again in {outcome.RetryAfterSeconds} s.");
                TooManyRequests(outcome.RetryAfterSeconds);
                break;
            case SignInOutcomeKind.LockedByOperator:
                ModelState.AddModelError("", "This account is locked by an operator of this Planekeeper; ask them to unlock it.");
                Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
            default:
                ModelState.AddModelError("", "Wrong email or password.");
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                break;
        }

        return Page();
    }

    private void TooManyRequests(int retryAfterSeconds)
    {
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
