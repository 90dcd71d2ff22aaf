using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Organizations;

namespace Planekeeper.WebFrontend.Pages.Roles;

/// <summary>
/// <c>/roles/{key}/edit</c>: a role — a custom one's policy editor (<c>roles:update</c>), a built-in one read-only —
/// and who holds it, with assign and unassign (<c>roles:assign</c>, as <c>POST/DELETE /api/v1/roles/{key}/assign</c>:
/// nobody can give a role with actions they do not hold) — and deleting a custom role nobody holds any more
/// (<c>roles:delete</c>, after confirming with <c>?delete=true</c>).
/// </summary>
public sealed class RoleEditModel(IClusterClient cluster) : RoleFormPage(cluster)
{
    public RoleRecord Role { get; private set; } = null!;

    public IReadOnlyList<MemberRecord> Members { get; private set; } = [];

    public string? Notice { get; private set; }

    public bool ConfirmingDelete { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, string? notice, bool delete)
    {
        if (!await FindAsync(key))
        {
            return NotFound();
        }

        ConfirmingDelete = delete && !Role.BuiltIn;

        Notice = notice switch
        {
            "saved" => "Saved. Members holding the role have its actions from their next request.",
            "assigned" => "Assigned.",
            "unassigned" => "Unassigned.",
            _ => null,
        };
        (Name, Description, Policy, LoadedVersion) = (Role.Name, Role.Description, Role.Policy, Role.Version);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key) => await FindAsync(key) ? await SaveAsync() : NotFound();

    public async Task<IActionResult> OnPostStatementAsync(string key) => await FindAsync(key) ? await AddStatementAsync() : NotFound();

    public Task<IActionResult> OnPostAssignAsync(string key, long userId) =>
        ChangeHolderAsync(key, userId, "assigned", subject => Permissions.AssignAsync(Actor, subject, key));

    public Task<IActionResult> OnPostUnassignAsync(string key, long userId) =>
        ChangeHolderAsync(key, userId, "unassigned", subject => Permissions.UnassignAsync(Actor, subject, key));

    public async Task<IActionResult> OnPostDeleteAsync(string key)
    {
        if (!await FindAsync(key))
        {
            return NotFound();
        }

        var result = await Permissions.DeleteRoleAsync(Actor, key, Loaded(LoadedVersion));
        if (result.Status == CommandStatus.Ok)
        {
            return LocalRedirect("/roles?notice=deleted");
        }

        ConfirmingDelete = true;
        (Name, Description, Policy) = (Role.Name, Role.Description, Role.Policy);
        await LoadAsync();
        return PageWithErrors(result, "delete");
    }

    private async Task<IActionResult> ChangeHolderAsync(
        string key, long userId, string notice, Func<string, Task<CommandResult<IReadOnlyList<string>>>> change)
    {
        if (!await FindAsync(key) || !await Cluster.GetGrain<IOrganizationGrain>(OrganizationId).IsMemberAsync(userId))
        {
            return NotFound();
        }

        var result = await change($"user:{userId}");
        if (result.Status == CommandStatus.Ok)
        {
            return LocalRedirect($"/roles/{Uri.EscapeDataString(key)}/edit?notice={notice}");
        }

        (Name, Description, Policy) = (Role.Name, Role.Description, Role.Policy);
        await LoadAsync();
        return PageWithErrors(result, "holders");
    }

    private async Task<bool> FindAsync(string key)
    {
        Key = key;
        Role = (await Permissions.GetRoleAsync(key))!;
        return Role is not null;
    }

    protected override async Task LoadAsync()
    {
        if (Viewer!.May("members:list"))
        {
            Members = await Cluster.GetGrain<IOrganizationGrain>(OrganizationId).ListMembersAsync();
        }
    }
}
