using Microsoft.AspNetCore.Mvc;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Pages.Account;

/// <summary><c>/logout</c>: a POST ends the session (as <c>POST /api/v1/auth/logout</c>) and clears the cookie.</summary>
public sealed class SignOutModel(PasswordSignIn signIn) : PlanekeeperPage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync(HttpContext);
        return Redirect("/login?signedOut=true");
    }
}
