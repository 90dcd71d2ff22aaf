using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Pages.Account;

/// <summary>
/// <c>/account</c>: the signed-in user's own account — their organizations, changing the password, their sessions
/// (end one, end all others) and signing out; the grain calls of <c>/api/v1/me/password</c> and <c>/me/sessions</c>.
/// Ending the current session signs out, as <c>DELETE /api/v1/me/sessions/{id}</c> does.
/// </summary>
public sealed class AccountModel(IClusterClient cluster, PublicOrigin publicOrigin) : PlanekeeperPage
{
    [BindProperty(Name = "current_password")]
    public string? CurrentPassword { get; set; }

    [BindProperty(Name = "new_password")]
    public string? NewPassword { get; set; }

    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? notice)
    {
        Notice = notice switch
        {
            "password" => "Your password is changed; every other session was ended.",
            "revoked" => "The session was ended.",
            "others" => "Every other session was ended.",
            _ => null,
        };
        Sessions = await Directory.ListAsync(Viewer!.User.Id, SessionKey);
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        var result = string.IsNullOrEmpty(CurrentPassword)
            ? CommandResult<int>.Invalid("current_password", "enter your current password")
            : await cluster.GetGrain<IUserGrain>(Viewer!.User.Id).ChangePasswordAsync(CurrentPassword, NewPassword ?? "", SessionKey);
        if (result.Status == CommandStatus.Ok)
        {
            return Redirect("/account?notice=password");
        }

        Sessions = await Directory.ListAsync(Viewer!.User.Id, SessionKey);
        return PageWithErrors(result);
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id)
    {
        var current = (await Directory.ListAsync(Viewer!.User.Id, SessionKey)).Any(session => session.Id == id && session.Current);
        if (!await Directory.RevokeAsync(Viewer.User.Id, id, Subject))
        {
            return NotFound();
        }

        if (current)
        {
            SessionCookie.Clear(HttpContext, publicOrigin);
            return Redirect("/login?signedOut=true");
        }

        return Redirect("/account?notice=revoked");
    }

    public async Task<IActionResult> OnPostRevokeOthersAsync()
    {
        await Directory.RevokeAllAsync(Viewer!.User.Id, SessionKey, Subject);
        return Redirect("/account?notice=others");
    }

    private ISessionDirectoryGrain Directory => cluster.GetGrain<ISessionDirectoryGrain>(0);

    private string? SessionKey => HttpContext.Identity().SessionKey;

    private string Subject => HttpContext.Identity().Subject!;
}
