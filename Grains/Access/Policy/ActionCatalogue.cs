namespace Planekeeper.Grains.Access.Policy;

/// <summary>
/// Every permission the application checks, spelled <c>resource:action</c>. The resource is a request's object and
/// the action its action.
/// </summary>
public static class ActionCatalogue
{
    public const char Separator = ':';
    public const string Everything = "*";

    private static readonly (string Resource, string[] Actions)[] Definitions =
    [
        ("gather-jobs", ["list", "read", "create", "update", "delete", "run"]),
        ("scrape-jobs", ["list", "read", "create", "update", "delete", "run", "set-version"]),
        ("helm-sync-jobs", ["list", "read", "create", "update", "delete", "run"]),
        ("releases", ["list", "read", "delete"]),
        ("monitoring-rules", ["list", "read", "create", "update", "delete", "toggle", "evaluate"]),
        ("alert-configs", ["list", "read", "create", "update", "delete", "toggle"]),
        ("alerts", ["list", "read", "acknowledge", "unacknowledge", "resolve"]),
        ("notification-channels", ["list", "read", "create", "update", "delete", "toggle", "test"]),
        ("notification-rules", ["list", "read", "create", "update", "delete", "toggle", "simulate"]),
        ("notification-deliveries", ["list", "read", "retry"]),
        ("notification-templates", ["list", "read", "update", "delete", "preview"]),
        ("settings", ["read", "update"]),
        ("api-keys", ["list", "read", "create", "update", "deactivate"]),
        ("roles", ["list", "read", "create", "update", "delete", "assign"]),
        ("members", ["list", "update", "remove"]),
        ("invites", ["list", "create", "revoke"]),
        ("agents", ["list", "read"]),
        ("organizations", ["read", "update"]),
        ("audit-log", ["list"]),
        ("permissions", ["explain"]),
    ];

    /// <summary>Every catalogue action, grouped by resource in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } =
        Definitions.SelectMany(d => d.Actions.Select(a => Join(d.Resource, a))).ToArray().AsReadOnly();

    /// <summary>The resources (request objects), in declaration order.</summary>
    public static IReadOnlyList<string> Resources { get; } = Definitions.Select(d => d.Resource).ToArray().AsReadOnly();

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string action) => Known.Contains(action);

    public static string Join(string @object, string action) =>
        @object == Everything && action == Everything ? Everything : @object + Separator + action;

    /// <summary>
    /// Splits at the first ':' into (object, action); <c>"*"</c> alone means every object and every action.
    /// </summary>
    /// <exception cref="FormatException">Not <c>"*"</c> and not of the form <c>resource:action</c>.</exception>
    public static (string Object, string Action) Split(string action) =>
        TrySplit(action, out var parts)
            ? parts
            : throw new FormatException($"'{action}' is not of the form resource:action (or \"*\").");

    public static bool TrySplit(string action, out (string Object, string Action) parts)
    {
        ArgumentNullException.ThrowIfNull(action);
        parts = (Everything, Everything);
        if (action == Everything)
        {
            return true;
        }
        var separator = action.IndexOf(Separator, StringComparison.Ordinal);
        if (separator <= 0 || separator == action.Length - 1)
        {
            return false;
        }
        parts = (action[..separator], action[(separator + 1)..]);
        return true;
    }

    /// <summary>The catalogue actions a <see cref="WildcardPattern"/> covers, in catalogue order.</summary>
    /// <remarks>
    /// Matches the whole <c>resource:action</c> name. Because catalogue names hold exactly one ':', a pattern with one
    /// ':' covers the same actions as a <see cref="PolicyRule"/> built from <see cref="Split"/> of it.
    /// </remarks>
    public static IReadOnlyList<string> Expand(string pattern) =>
        All.Where(action => WildcardPattern.Matches(pattern, action)).ToArray();
}
