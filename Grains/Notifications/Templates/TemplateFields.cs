namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// The variables a template can use (docs/notifications.md, "Templates"), by path without the leading dot, each read
/// from the notice as a string, a number (<see cref="long"/>), a boolean or null.
/// </summary>
public static class TemplateFields
{
    private static readonly Dictionary<string, Func<AlertNotice, object?>> Fields = new(StringComparer.Ordinal)
    {
        ["IdempotencyKey"] = n => n.IdempotencyKey.ToString("D"),
        ["Event"] = n => n.Event,
        ["Timestamp"] = n => UtcTimestamp.Iso(n.Timestamp),
        ["Alert.ID"] = n => n.AlertId,
        ["Alert.ConfigName"] = n => n.ConfigName,
        ["Alert.RuleName"] = n => n.RuleName,
        ["Alert.RuleType"] = n => n.RuleType,
        ["Alert.Severity"] = n => n.Severity,
        ["Alert.DiscoveredVersion"] = n => n.DiscoveredVersion,
        ["Alert.LatestVersion"] = n => n.LatestVersion,
        ["Alert.BehindBy"] = n => n.BehindBy,
        ["Alert.ArtifactName"] = n => n.ArtifactName,
        ["Alert.RepositoryURL"] = n => n.RepositoryUrl,
        ["Alert.TargetFile"] = n => n.TargetFile,
        ["AcknowledgeURL"] = n => n.AcknowledgeUrl,
        ["PreviousSeverity"] = n => n.PreviousSeverity,
        ["IsAcknowledged"] = n => n.Acknowledged,
    };

    public static IReadOnlyCollection<string> Names => Fields.Keys;

    public static bool IsKnown(string path) => Fields.ContainsKey(path);

    public static object? Read(string path, AlertNotice notice) => Fields[path](notice);

    /// <summary>The known path a mistyped one most likely meant (case or up to two edits apart), if any.</summary>
    public static string? Closest(string path) => Fields.Keys
        .Select(name => (Name: name, Distance: EditDistance.Between(name.ToLowerInvariant(), path.ToLowerInvariant())))
        .Where(candidate => candidate.Distance <= 2)
        .OrderBy(candidate => candidate.Distance)
        .Select(candidate => candidate.Name)
        .FirstOrDefault();
}
