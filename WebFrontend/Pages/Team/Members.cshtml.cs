using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.WebFrontend.Identity;
using Planekeeper.WebFrontend.Pages.Onboarding;

namespace Planekeeper.WebFrontend.Pages.Team;

/// <summary>
/// <c>/members</c>: the organization's members with their roles (change, remove) and its invites (create, revoke) —
/// the grain calls of <c>/api/v1/members</c> and <c>/api/v1/invites</c>, with their checks: the last owner can be
/// neither demoted nor removed (409), and a role with actions the user does not hold cannot be given. A new invite's
/// link is in the answer to the create post only (<c>no-store</c>); the token is never shown again. A row's role change
/// and removal carry the member's version the row showed, so a member changed by someone else since is left alone
/// (docs/ui.md, "Editing at the same time").
/// </summary>
public sealed class MembersModel(IClusterClient cluster, PublicOrigin publicOrigin) : PlanekeeperPage
{
    public const string Path = "/members";

    /// <summary>The invite form's email and role (the rows' role selects post their own <c>role</c>).</summary>
    public string? Email { get; private set; }

    public string Role { get; private set; } = "member";

    public IReadOnlyList<MemberRecord> Members { get; private set; } = [];

    /// <summary>The organization's invites, newest first; empty without <c>invites:list</c>.</summary>
    public IReadOnlyList<InviteRecord> Invites { get; private set; } = [];

    public IReadOnlyList<RoleRecord> Roles { get; private set; } = [];

    /// <summary>The member <c>?remove=</c> asks to confirm removing.</summary>
    public MemberRecord? Removing { get; private set; }

    /// <summary>The version of <see cref="Removing"/> its row showed (<c>?loaded_version=</c>), else the current one: the removal's condition.</summary>
    public int? RemovingVersion { get; private set; }

    /// <summary>The invite just created, with its link: shown in this answer only.</summary>
    public (InviteRecord Invite, string Link)? Created { get; private set; }

    public async Task OnGetAsync(long? remove, [FromQuery(Name = "loaded_version")] int? loadedVersion)
    {
        await LoadAsync();
        Removing = Members.FirstOrDefault(member => member.UserId == remove);
        RemovingVersion = loadedVersion ?? Removing?.Version;
    }

    public async Task<IActionResult> OnPostInviteAsync(string? email, string? role)
    {
        Response.Headers.CacheControl = "no-store";
        (Email, Role) = (email, role ?? "member");
        var result = await Organization.CreateInviteAsync(Actor, Email ?? "", Role);
        await LoadAsync();
        if (result.Status != CommandStatus.Ok)
        {
            return PageWithErrors(result);
        }

        Created = (result.Value!.Invite, publicOrigin.Origin + InviteLink.PathPrefix + result.Value.Token);
        Email = null;
        return Page();
    }

    public Task<IActionResult> OnPostRoleAsync(long id, string? role, [FromForm(Name = "loaded_version")] int? loadedVersion) =>
        ChangeAsync(() => Organization.ChangeMemberRoleAsync(Actor, id, role ?? "", Loaded(loadedVersion)));

    public Task<IActionResult> OnPostRemoveAsync(long id, [FromForm(Name = "loaded_version")] int? loadedVersion) =>
        ChangeAsync(() => Organization.RemoveMemberAsync(Actor, id, Loaded(loadedVersion)));

    public Task<IActionResult> OnPostRevokeAsync(long id) => ChangeAsync(() => Organization.RevokeInviteAsync(Actor, id));

    private IOrganizationGrain Organization => cluster.GetGrain<IOrganizationGrain>(OrganizationId);

    private async Task<IActionResult> ChangeAsync<T>(Func<Task<CommandResult<T>>> change)
    {
        var result = await change();
        if (result.Status == CommandStatus.Ok)
        {
            return Redirect(Path);
        }

        await LoadAsync();
        return PageWithErrors(result);
    }

    private async Task LoadAsync()
    {
        Members = await Organization.ListMembersAsync();
        Roles = await cluster.GetGrain<IPermissionGrain>(OrganizationId).ListRolesAsync();
        if (Viewer!.May("invites:list"))
        {
            Invites = (await Organization.ListInvitesAsync()).OrderByDescending(invite => invite.CreatedAt).ToList();
        }
    }
}
