namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// The variables a template can use (docs/notifications.md, "Templates"), by path without the leading dot, each read
/// from the notice as a string, a number (<see cref="long"/>), a boolean or null, with what it says (shown beside
/// the template editor, see <see cref="TemplateVocabularies"/>).
/// </summary>
public static class TemplateFields
{
    private static readonly (string Name, Func<AlertNotice, object?> Read, string Description)[] Entries =
    [
        ("Event", n => n.Event, "the event: alert.created, alert.escalated, alert.acknowledged, alert.unacknowledged or alert.resolved"),
        ("Timestamp", n => UtcTimestamp.Iso(n.Timestamp), "when the event happened, in UTC (ISO 8601)"),
        ("IdempotencyKey", n => n.IdempotencyKey.ToString("D"), "the event's unique id (the same on every retry of its delivery)"),
        ("Alert.ID", n => n.AlertId, "the alert's id (a number)"),
        ("Alert.ConfigName", n => n.ConfigName, "the name of the alert config that raised the alert"),
        ("Alert.RuleName", n => n.RuleName, "the name of the monitoring rule"),
        ("Alert.RuleType", n => n.RuleType, "what the rule counts: majors_behind, minors_behind or days_behind"),
        ("Alert.Severity", n => n.Severity, "the severity now: moderate, high or critical"),
        ("Alert.DiscoveredVersion", n => n.DiscoveredVersion, "the deployed version the scrape job found"),
        ("Alert.LatestVersion", n => n.LatestVersion, "the latest release the gather job found (empty when unknown)"),
        ("Alert.BehindBy", n => n.BehindBy, "how far behind, in the rule's unit (a number)"),
        ("Alert.ArtifactName", n => n.ArtifactName, "the artifact the gather job watches"),
        ("Alert.RepositoryURL", n => n.RepositoryUrl, "the repository the scrape job reads (empty for a version set by hand)"),
        ("Alert.TargetFile", n => n.TargetFile, "the file the scrape job reads (empty for a version set by hand)"),
        ("AcknowledgeURL", n => n.AcknowledgeUrl, "a link that acknowledges the alert (empty once resolved)"),
        ("PreviousSeverity", n => n.PreviousSeverity, "the severity before an escalation (empty otherwise)"),
        ("IsAcknowledged", n => n.Acknowledged, "true when the alert is acknowledged"),
    ];

    private static readonly Dictionary<string, (Func<AlertNotice, object?> Read, string Description)> Fields =
        Entries.ToDictionary(entry => entry.Name, entry => (entry.Read, entry.Description), StringComparer.Ordinal);

    /// <summary>The variables' paths, in the order the editor lists them (the event first, then the alert's).</summary>
    public static IReadOnlyList<string> Names { get; } = Entries.Select(entry => entry.Name).ToArray();

    public static bool IsKnown(string path) => Fields.ContainsKey(path);

    public static object? Read(string path, AlertNotice notice) => Fields[path].Read(notice);

    /// <summary>What the variable at <paramref name="path"/> holds, in a phrase.</summary>
    public static string Describe(string path) => Fields[path].Description;

    /// <summary>The known path a mistyped one most likely meant (case or up to two edits apart), if any.</summary>
    public static string? Closest(string path) => Names
        .Select(name => (Name: name, Distance: EditDistance.Between(name.ToLowerInvariant(), path.ToLowerInvariant())))
        .Where(candidate => candidate.Distance <= 2)
        .OrderBy(candidate => candidate.Distance)
        .Select(candidate => candidate.Name)
        .FirstOrDefault();
}
