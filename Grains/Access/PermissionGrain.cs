using System.Text.Json;
using System.Text.RegularExpressions;
using Planekeeper.Grains.Access.Policy;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Concurrency;
using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.Grains.Access;

/// <summary>
/// Holds one organization's policy model in memory and is the only writer of its roles and assignments,
/// so every change is visible to the very next check, whichever frontend or silo asks. Every write is bounded
/// by what its actor holds (<see cref="GrantCheck"/>), here where it happens rather than in the endpoints.
/// </summary>
[GrainType("planekeeper.access.permissions")]
public sealed partial class PermissionGrain(AccessStore store, AuditWriter audit) : Grain, IPermissionGrain
{
    private readonly Dictionary<string, AccessStore.CustomRoleRow> _customRoles = new(StringComparer.Ordinal);
    private List<PolicyRule> _customRules = [];
    private List<RoleAssignment> _assignments = [];
    private PolicyModel _model = null!;

    private long OrganizationId => this.GetPrimaryKeyLong();

    private string Domain => Subjects.Domain(OrganizationId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (roles, rules, assignments) = await store.LoadAsync(Domain, OrganizationId);
        foreach (var role in roles)
        {
            _customRoles[role.Key] = role;
        }

        _customRules = rules;
        _assignments = assignments;
        Rebuild();
    }

    public Task<bool> IsAllowedAsync(string subject, bool isSuperAdmin, string action) =>
        Task.FromResult(isSuperAdmin || (ActionCatalogue.IsKnown(action) && Decide(subject, action).Allowed));

    public Task<CommandResult<PermissionExplanation>> ExplainAsync(string subject, bool isSuperAdmin, string action)
    {
        if (!ActionCatalogue.IsKnown(action ?? ""))
        {
            return Task.FromResult(CommandResult<PermissionExplanation>.Invalid("action", $"'{action}' is not an action of the catalogue (see docs/permissions.md)"));
        }

        var decision = Decide(subject, action!);
        return Task.FromResult(CommandResult<PermissionExplanation>.Ok(new PermissionExplanation(
            subject, action!, isSuperAdmin || decision.Allowed, isSuperAdmin, decision.Roles,
            decision.Allowing.Select(Statement).ToList(), decision.Denying.Select(Statement).ToList())));
    }

    public Task<IReadOnlyList<string>> RolesOfAsync(string subject) => Task.FromResult(_model.RolesOf(subject, Domain));

    public Task<IReadOnlyList<string>> AllowedActionsAsync(string subject, bool isSuperAdmin) =>
        Task.FromResult(isSuperAdmin ? ActionCatalogue.All : _model.AllowedActions(subject, Domain));

    public Task<IReadOnlyList<RoleRecord>> ListRolesAsync() =>
        Task.FromResult<IReadOnlyList<RoleRecord>>(BuiltInRoles.Keys.Select(BuiltInRecord).Concat(_customRoles.Keys.Order().Select(CustomRecord)).ToList());

    public Task<RoleRecord?> GetRoleAsync(string key) => Task.FromResult(
        BuiltInRoles.IsBuiltIn(key) ? BuiltInRecord(key) : _customRoles.ContainsKey(key) ? CustomRecord(key) : null);

    public async Task<CommandResult<RoleRecord>> CreateRoleAsync(string actor, string key, string name, string description, string policy)
    {
        if (!RoleKeyPattern().IsMatch(key ?? ""))
        {
            return CommandResult<RoleRecord>.Invalid("key", "key must be 1-63 lowercase letters, digits, '-' or '_', starting with a letter or digit");
        }

        if (BuiltInRoles.IsBuiltIn(key!) || _customRoles.ContainsKey(key!))
        {
            return CommandResult<RoleRecord>.Conflict($"a role with the key '{key}' already exists");
        }

        return await SaveRoleAsync(actor, key!, name, description, policy, isNew: true);
    }

    public async Task<CommandResult<RoleRecord>> UpdateRoleAsync(
        string actor, string key, string name, string description, string policy, ExpectedVersion? expected)
    {
        if (BuiltInRoles.IsBuiltIn(key))
        {
            return CommandResult<RoleRecord>.Conflict($"'{key}' is a built-in role and cannot be changed");
        }

        if (!_customRoles.TryGetValue(key, out var current))
        {
            return CommandResult<RoleRecord>.NotFound($"no role '{key}'");
        }

        return ExpectedVersion.Holds(expected, current.Version)
            ? await SaveRoleAsync(actor, key, name, description, policy, isNew: false)
            : StaleVersion.Refused<RoleRecord>("role");
    }

    public async Task<CommandResult<bool>> DeleteRoleAsync(string actor, string key, ExpectedVersion? expected)
    {
        if (BuiltInRoles.IsBuiltIn(key))
        {
            return CommandResult<bool>.Conflict($"'{key}' is a built-in role and cannot be deleted");
        }

        if (!_customRoles.TryGetValue(key, out var current))
        {
            return CommandResult<bool>.NotFound($"no role '{key}'");
        }

        if (!ExpectedVersion.Holds(expected, current.Version))
        {
            return StaleVersion.Refused<bool>("role");
        }

        var holders = _assignments.Where(a => a.Role == key).Select(a => a.Subject).ToList();
        if (holders.Count > 0)
        {
            return CommandResult<bool>.Conflict($"the role '{key}' is still assigned to {string.Join(", ", holders)}; unassign it first");
        }

        await store.DeleteRoleAsync(OrganizationId, key, Domain);
        _customRoles.Remove(key);
        _customRules.RemoveAll(rule => rule.Role == key);
        Rebuild();
        await AuditAsync(actor, "role.deleted", $"role:{key}");
        return CommandResult<bool>.Ok(true);
    }

    public Task<CommandResult<IReadOnlyList<string>>> AssignAsync(string actor, string subject, string role) =>
        ReplaceRolesAsync(actor, subject, _model.RolesOf(subject, Domain).Append(role).Distinct().ToList());

    public Task<CommandResult<IReadOnlyList<string>>> UnassignAsync(string actor, string subject, string role)
    {
        var current = _model.RolesOf(subject, Domain);
        return current.Contains(role)
            ? ReplaceRolesAsync(actor, subject, current.Where(r => r != role).ToList())
            : Task.FromResult(CommandResult<IReadOnlyList<string>>.NotFound($"{subject} does not hold the role '{role}'"));
    }

    public async Task<CommandResult<IReadOnlyList<string>>> ReplaceRolesAsync(
        string actor, string subject, IReadOnlyList<string> roles, ExpectedVersion? expected = null)
    {
        if (roles.FirstOrDefault(role => !RoleExists(role)) is { } unknown)
        {
            return CommandResult<IReadOnlyList<string>>.Invalid("role", $"no role '{unknown}' in this organization");
        }

        if (WouldLeaveNoOwner(subject, roles))
        {
            return CommandResult<IReadOnlyList<string>>.Conflict("the organization must keep at least one owner");
        }

        var before = _model.RolesOf(subject, Domain);
        var assignments = _assignments.Where(a => a.Subject != subject).Concat(roles.Select(role => new RoleAssignment(subject, role, Domain))).ToList();
        if (await RefusalAsync(actor, ModelWith(_customRules, assignments), [subject], roles.Except(before).ToList()) is { } refusal)
        {
            return refusal.Without<IReadOnlyList<string>>();
        }

        if (!await store.ReplaceAssignmentsAsync(OrganizationId, subject, Domain, roles, expected))
        {
            return StaleVersion.Refused<IReadOnlyList<string>>("member");
        }

        _assignments = assignments;
        Rebuild();
        await AuditAsync(actor, "roles.assigned", subject, new { before, after = roles });
        return CommandResult<IReadOnlyList<string>>.Ok(_model.RolesOf(subject, Domain));
    }

    public async Task<CommandResult<bool>> MayGrantAsync(string actor, IReadOnlyList<string> roles) =>
        await RefusalAsync(actor, _model, [], roles) ?? CommandResult<bool>.Ok(true);

    /// <summary>
    /// Null when <paramref name="actor"/> may make the change that turns the current model into
    /// <paramref name="after"/>; otherwise a 403 naming what the actor lacks. Global admins and the deployment's own
    /// processes are not bounded (docs/permissions.md).
    /// </summary>
    private async Task<CommandResult<bool>?> RefusalAsync(string actor, PolicyModel after, IReadOnlyCollection<string> subjects, IReadOnlyCollection<string> grantedRoles)
    {
        var verdict = GrantCheck.Check(_model, after, Domain, actor, subjects, grantedRoles);
        if (verdict.Allowed || Subjects.IsSystem(actor) || await IsGlobalAdminAsync(actor))
        {
            return null;
        }

        var lacking = new Dictionary<string, string[]> { ["missing_actions"] = verdict.MissingActions.ToArray() };
        if (verdict.NeedsOwner)
        {
            lacking["missing_role"] = [BuiltInRoles.Owner];
        }

        return CommandResult<bool>.Forbidden(verdict.Explanation(), lacking);
    }

    private async Task<bool> IsGlobalAdminAsync(string actor) =>
        Subjects.UserIdOf(actor) is { } userId && (await GrainFactory.GetGrain<IUserGrain>(userId).GetAsync())?.IsSuperAdmin == true;

    private async Task<CommandResult<RoleRecord>> SaveRoleAsync(string actor, string key, string name, string description, string policy, bool isNew)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            errors["name"] = ["name is required (at most 200 characters)"];
        }

        var parsed = PolicyDocument.Parse(policy ?? "");
        if (!parsed.Succeeded)
        {
            errors["policy"] = parsed.Errors.Select(error => error.ToString()).ToArray();
        }

        if (errors.Count > 0)
        {
            return CommandResult<RoleRecord>.Invalid(errors);
        }

        var role = new AccessStore.CustomRoleRow(key, name.Trim(), description?.Trim() ?? "", Version: 0);
        var rules = parsed.Document!.ToRules(key, Domain);
        var customRules = _customRules.Where(rule => rule.Role != key).Concat(rules).ToList();
        var holders = _assignments.Where(a => a.Role == key).Select(a => a.Subject).Distinct().ToList();
        if (await RefusalAsync(actor, ModelWith(customRules, _assignments), holders, [key]) is { } refusal)
        {
            return refusal.Without<RoleRecord>();
        }

        var version = await store.SaveRoleAsync(OrganizationId, role, Domain, rules, isNew);
        _customRoles[key] = role with { Version = version };
        _customRules = customRules;
        Rebuild();
        await AuditAsync(actor, isNew ? "role.created" : "role.updated", $"role:{key}", new { policy = JsonDocument.Parse(parsed.Document.ToJson()).RootElement });
        return CommandResult<RoleRecord>.Ok(CustomRecord(key));
    }

    private bool RoleExists(string role) => BuiltInRoles.IsBuiltIn(role) || _customRoles.ContainsKey(role);

    private bool WouldLeaveNoOwner(string subject, IReadOnlyList<string> roles)
    {
        var owners = _assignments.Where(a => a.Role == BuiltInRoles.Owner).Select(a => a.Subject).ToHashSet();
        var wasOwner = owners.Remove(subject);
        return wasOwner && !roles.Contains(BuiltInRoles.Owner) && owners.Count(s => s.StartsWith(Subjects.UserPrefix, StringComparison.Ordinal)) == 0;
    }

    private PermissionDecision Decide(string subject, string action)
    {
        var (obj, act) = ActionCatalogue.Split(action);
        return _model.Decide(new PermissionRequest(subject, Domain, obj, act));
    }

    private void Rebuild() => _model = ModelWith(_customRules, _assignments);

    private static PolicyModel ModelWith(IEnumerable<PolicyRule> customRules, IEnumerable<RoleAssignment> assignments) =>
        new(BuiltInRoles.Rules.Concat(customRules), assignments, []);

    private RoleRecord BuiltInRecord(string key) =>
        new(key, key, BuiltInRoleDescriptions.Of(key), true, PolicyDocument.FromRules(BuiltInRoles.RulesOf(key)).ToJson()) { Version = 1 };

    private RoleRecord CustomRecord(string key)
    {
        var role = _customRoles[key];
        return new RoleRecord(key, role.Name, role.Description, false, PolicyDocument.FromRules(_customRules.Where(r => r.Role == key)).ToJson())
        {
            Version = role.Version,
        };
    }

    private static DecidingStatement Statement(PolicyRule rule) =>
        new(rule.Role, rule.Effect == PolicyEffect.Allow ? "Allow" : "Deny", ActionCatalogue.Join(rule.Object, rule.Action));

    private Task AuditAsync(string actor, string action, string target, object? details = null) =>
        audit.WriteAsync(new AuditEntry(OrganizationId, actor, action, target, details));

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$")]
    private static partial Regex RoleKeyPattern();
}
