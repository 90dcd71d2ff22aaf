namespace Planekeeper.Grains.Access.Policy;

/// <summary>
/// An immutable snapshot of policy rules, role assignments and superadmins that answers permission requests.
/// Build a new model when any of them change.
/// </summary>
/// <remarks>
/// A request is allowed when at least one rule of the subject's roles in the request's domain matches and allows,
/// and no matching rule of those roles denies: deny wins across roles.
/// </remarks>
public sealed class PolicyModel
{
    private readonly IReadOnlyDictionary<string, PolicyRule[]> rulesByRole;
    private readonly IReadOnlyDictionary<(string Subject, string Domain), IReadOnlyList<string>> rolesBySubjectAndDomain;
    private readonly HashSet<string> superAdmins;

    public PolicyModel(IEnumerable<PolicyRule> rules, IEnumerable<RoleAssignment> assignments, IEnumerable<string> superAdmins)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(superAdmins);

        rulesByRole = rules
            .Distinct()
            .GroupBy(r => r.Role, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        rolesBySubjectAndDomain = assignments
            .GroupBy(a => (a.Subject, a.Domain))
            .ToDictionary(g => g.Key, SortedRoles);
        this.superAdmins = new HashSet<string>(superAdmins, StringComparer.Ordinal);
    }

    public bool IsSuperAdmin(string subject) => superAdmins.Contains(subject);

    /// <summary>The subject's roles in exactly this domain, sorted (ordinal).</summary>
    public IReadOnlyList<string> RolesOf(string subject, string domain) =>
        rolesBySubjectAndDomain.TryGetValue((subject, domain), out var roles) ? roles : [];

    /// <summary>Decides a request and explains the decision.</summary>
    /// <remarks>
    /// A global superadmin is allowed every request in every domain, even where they hold no role and even when a
    /// matching rule denies: superadmin bypasses deny. Their roles and matching rules are still reported.
    /// </remarks>
    public PermissionDecision Decide(PermissionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var roles = RolesOf(request.Subject, request.Domain);
        var matching = MatchingRules(roles, request).ToArray();
        var allowing = matching.Where(r => r.Effect == PolicyEffect.Allow).ToArray();
        var denying = matching.Where(r => r.Effect == PolicyEffect.Deny).ToArray();

        var bySuperAdmin = IsSuperAdmin(request.Subject);
        var allowed = bySuperAdmin || (allowing.Length > 0 && denying.Length == 0);
        return new PermissionDecision(allowed, bySuperAdmin, roles, allowing, denying);
    }

    public bool IsAllowed(PermissionRequest request) => Decide(request).Allowed;

    /// <summary>The catalogue actions (<c>resource:action</c>) the subject may perform in the domain, sorted (ordinal).</summary>
    public IReadOnlyList<string> AllowedActions(string subject, string domain) => ActionCatalogue.All
        .Where(action => IsAllowed(subject, domain, action))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// The catalogue actions a subject holding exactly <paramref name="roles"/> in the domain could perform, sorted
    /// (ordinal): allowed by a rule of one of them and denied by none. No superadmin bypass: roles only.
    /// </summary>
    public IReadOnlyList<string> ActionsOfRoles(IReadOnlyCollection<string> roles, string domain) => ActionCatalogue.All
        .Where(catalogueAction =>
        {
            var (@object, action) = ActionCatalogue.Split(catalogueAction);
            var matching = MatchingRules(roles, new PermissionRequest("", domain, @object, action)).ToArray();
            return matching.Any(r => r.Effect == PolicyEffect.Allow) && matching.All(r => r.Effect == PolicyEffect.Allow);
        })
        .Order(StringComparer.Ordinal)
        .ToArray();

    private bool IsAllowed(string subject, string domain, string catalogueAction)
    {
        var (@object, action) = ActionCatalogue.Split(catalogueAction);
        return IsAllowed(new PermissionRequest(subject, domain, @object, action));
    }

    private IEnumerable<PolicyRule> MatchingRules(IEnumerable<string> roles, PermissionRequest request) => roles
        .SelectMany(role => rulesByRole.TryGetValue(role, out var rules) ? rules : [])
        .Where(rule => rule.Covers(request.Domain, request.Object, request.Action));

    // Read-only because RolesOf hands these lists out and the model must stay a snapshot.
    private static IReadOnlyList<string> SortedRoles(IEnumerable<RoleAssignment> assignments) => assignments
        .Select(a => a.Role)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToArray()
        .AsReadOnly();
}
