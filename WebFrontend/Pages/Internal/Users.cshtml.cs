using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.WebFrontend.Pages.Internal;

/// <summary>
/// <c>/internal/users</c>: every account (or those waiting for approval) — approve, make or unmake global admin, lock
/// and unlock (docs/operations.md, "Global admins and locked accounts").
/// </summary>
public sealed class UsersModel(IClusterClient cluster) : InternalPage
{
    public IReadOnlyList<UserRecord> Users { get; private set; } = [];

    public bool PendingOnly { get; private set; }

    public long OperatorId => Viewer!.User.Id;

    public async Task OnGetAsync(string? status, string? notice)
    {
        Notice = notice is { Length: > 0 } ? "Saved." : null;
        await LoadAsync(status);
    }

    public Task<IActionResult> OnPostApproveAsync(long id, string? status) =>
        ChangeAsync(id, status, async user => await user.SetApprovedAsync(Operator, true) is { } approved
            ? CommandResult<UserRecord>.Ok(approved)
            : CommandResult<UserRecord>.NotFound($"no user {id}"));

    public Task<IActionResult> OnPostGlobalAdminAsync(long id, bool grant, string? status) => ChangeAsync(id, status, user => user.SetGlobalAdminAsync(Operator, grant));

    public Task<IActionResult> OnPostLockAsync(long id, bool locked, string? status) => ChangeAsync(id, status, user => user.SetLockedAsync(Operator, locked));

    private async Task<IActionResult> ChangeAsync(long id, string? status, Func<IUserGrain, Task<CommandResult<UserRecord>>> change)
    {
        var result = await change(cluster.GetGrain<IUserGrain>(id));
        if (result.Status == CommandStatus.Ok)
        {
            return Redirect($"/internal/users?notice=saved{(status == "pending" ? "&status=pending" : "")}");
        }

        await LoadAsync(status);
        return PageWithErrors(result);
    }

    private async Task LoadAsync(string? status)
    {
        PendingOnly = status == "pending";
        Users = await cluster.GetGrain<IAccountsGrain>(0).ListUsersAsync(PendingOnly);
    }
}
