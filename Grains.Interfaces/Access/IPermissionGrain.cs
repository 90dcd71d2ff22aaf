using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Access;

/// <summary>
/// The permission model of one organization: its custom roles and every role assignment in it.
/// The only writer of that organization's casbin_rule rows, so its in-memory model is always current.
/// Subjects are <c>user:N</c> or <c>apikey:N</c>; actions are <c>resource:action</c>.
/// Reads of the model interleave with everything, so a role write waiting for the database never stalls the
/// organization's permission checks: each read sees the model before or after a write, which replaces it whole.
/// </summary>
[Alias("planekeeper.access.permissions")]
public interface IPermissionGrain : IGrainWithIntegerKey
{
    [AlwaysInterleave]
    [Alias("is-allowed")]
    Task<bool> IsAllowedAsync(string subject, bool isSuperAdmin, string action);

    [AlwaysInterleave]
    [Alias("explain")]
    Task<CommandResult<PermissionExplanation>> ExplainAsync(string subject, bool isSuperAdmin, string action);

    [AlwaysInterleave]
    [Alias("roles-of")]
    Task<IReadOnlyList<string>> RolesOfAsync(string subject);

    [AlwaysInterleave]
    [Alias("allowed-actions")]
    Task<IReadOnlyList<string>> AllowedActionsAsync(string subject, bool isSuperAdmin);

    [AlwaysInterleave]
    [Alias("list-roles")]
    Task<IReadOnlyList<RoleRecord>> ListRolesAsync();

    [AlwaysInterleave]
    [Alias("get-role")]
    Task<RoleRecord?> GetRoleAsync(string key);

    [Alias("create-role")]
    Task<CommandResult<RoleRecord>> CreateRoleAsync(string actor, string key, string name, string description, string policy);

    /// <summary>Refused (412) when <paramref name="expected"/> does not allow the stored version (docs/api.md, "ETags and If-Match"); null: any.</summary>
    [Alias("update-role")]
    Task<CommandResult<RoleRecord>> UpdateRoleAsync(string actor, string key, string name, string description, string policy, ExpectedVersion? expected = null);

    [Alias("delete-role")]
    Task<CommandResult<bool>> DeleteRoleAsync(string actor, string key, ExpectedVersion? expected = null);

    [Alias("assign")]
    Task<CommandResult<IReadOnlyList<string>>> AssignAsync(string actor, string subject, string role);

    [Alias("unassign")]
    Task<CommandResult<IReadOnlyList<string>>> UnassignAsync(string actor, string subject, string role);

    /// <summary>
    /// Whether <paramref name="actor"/> may give a new subject (an API key, an invitee) exactly these roles:
    /// Ok, or Forbidden naming the actions (or the owner role) the actor lacks.
    /// </summary>
    [ReadOnly]
    [Alias("may-grant")]
    Task<CommandResult<bool>> MayGrantAsync(string actor, IReadOnlyList<string> roles);

    /// <summary>
    /// Replaces all roles of a subject; refuses to leave the organization without an owner, and (403) to give what
    /// the actor does not hold. Every write of roles and assignments here is bounded the same way. A member's roles move
    /// the member's version; refused (412) when <paramref name="expected"/> does not allow it (docs/api.md, "ETags and
    /// If-Match"); null: any.
    /// </summary>
    [Alias("replace-roles")]
    Task<CommandResult<IReadOnlyList<string>>> ReplaceRolesAsync(string actor, string subject, IReadOnlyList<string> roles, ExpectedVersion? expected = null);
}
