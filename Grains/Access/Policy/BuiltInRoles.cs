namespace Planekeeper.Grains.Access.Policy;

/// <summary>
/// The roles every organization has. Their rules use domain <c>"*"</c> so one set of rows serves all organizations.
/// </summary>
/// <remarks>
/// Built-in roles only allow: a deny would win over every other role the subject holds (e.g. admin + owner).
/// Member and viewer are explicit rows so that actions added to the catalogue later are not granted by accident.
/// </remarks>
public static class BuiltInRoles
{
    public const string Owner = "owner";
    public const string Admin = "admin";
    public const string Member = "member";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> Keys { get; } = [Owner, Admin, Member, Viewer];

    private static readonly string[] HiddenFromReaders = ["audit-log:list", "api-keys:list", "api-keys:read"];

    private static readonly string[] MemberOperations =
    [
        "gather-jobs:run",
        "scrape-jobs:run",
        "scrape-jobs:set-version",
        "helm-sync-jobs:run",
        "alerts:acknowledge",
        "alerts:unacknowledge",
        "monitoring-rules:evaluate",
        "notification-rules:simulate",
        "notification-templates:preview",
        "permissions:explain",
    ];

    private static readonly string[] AdminExcluded = ["organizations:update"];

    public static bool IsBuiltIn(string key) => Keys.Contains(key, StringComparer.Ordinal);

    /// <summary>The catalogue actions every built-in reader (viewer and up) has: list/read minus the sensitive ones.</summary>
    public static IReadOnlyList<string> ReaderActions { get; } = ActionCatalogue.All
        .Where(a => IsListOrRead(a) && !HiddenFromReaders.Contains(a, StringComparer.Ordinal))
        .ToArray()
        .AsReadOnly();

    public static IReadOnlyList<PolicyRule> Rules { get; } =
    [
        Allow(Owner, ActionCatalogue.Everything),
        .. ActionCatalogue.All.Except(AdminExcluded, StringComparer.Ordinal).Select(a => Allow(Admin, a)),
        .. ReaderActions.Concat(MemberOperations).Select(a => Allow(Member, a)),
        .. ReaderActions.Select(a => Allow(Viewer, a)),
    ];

    public static IReadOnlyList<PolicyRule> RulesOf(string key) => Rules.Where(r => r.Role == key).ToArray();

    private static bool IsListOrRead(string action) => ActionCatalogue.Split(action).Action is "list" or "read";

    private static PolicyRule Allow(string role, string action)
    {
        var (@object, verb) = ActionCatalogue.Split(action);
        return new PolicyRule(role, "*", @object, verb, PolicyEffect.Allow);
    }
}
