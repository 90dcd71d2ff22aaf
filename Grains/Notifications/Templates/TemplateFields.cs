using System.Globalization;

namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>The variables a template can use (SPEC §4), each read from the notice.</summary>
public static class TemplateFields
{
    private static readonly Dictionary<string, Func<AlertNotice, object?>> Fields = new(StringComparer.Ordinal)
    {
        ["IdempotencyKey"] = n => n.IdempotencyKey.ToString("D"),
        ["Event"] = n => n.Event,
        ["Timestamp"] = n => Iso(n.Timestamp),
        ["AcknowledgeURL"] = n => n.AcknowledgeUrl,
        ["PreviousSeverity"] = n => n.PreviousSeverity,
        ["IsAcknowledged"] = n => n.Acknowledged,
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
    };

    public static IEnumerable<string> Names => Fields.Keys;

    public static bool IsKnown(string path) => Fields.ContainsKey(path);

    public static object? Read(string path, AlertNotice notice) => Fields[path](notice);

    public static string Iso(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
