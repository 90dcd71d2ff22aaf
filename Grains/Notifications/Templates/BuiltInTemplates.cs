namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// The built-in message of each channel type and category: what a notice says when nobody wrote a template.
/// Webhooks have none (their built-in is <see cref="StandardWebhookPayload"/>).
/// </summary>
public static class BuiltInTemplates
{
    private const string Behind =
        "{{.Alert.ConfigName}}: {{.Alert.ArtifactName}} is {{.Alert.BehindBy}} behind ({{.Alert.DiscoveredVersion}} deployed, {{.Alert.LatestVersion}} latest, rule {{.Alert.RuleName}})";

    private static readonly Dictionary<string, string> Headlines = new()
    {
        [TemplateCategories.NewAlert] = "[{{.Alert.Severity | upper}}] {{if .PreviousSeverity}}escalated from {{.PreviousSeverity}}: {{end}}",
        [TemplateCategories.Acknowledged] = "{{if .IsAcknowledged}}Acknowledged{{else}}No longer acknowledged{{end}} [{{.Alert.Severity | upper}}]: ",
        [TemplateCategories.Resolved] = "Resolved: ",
    };

    public static string For(string channelType, string category)
    {
        var headline = Headlines[category] + Behind;
        var link = category == TemplateCategories.Resolved ? "" : channelType switch
        {
            ChannelTypes.Slack => "{{if .AcknowledgeURL}}\n<{{.AcknowledgeURL}}|Acknowledge>{{end}}",
            ChannelTypes.Discord or ChannelTypes.Teams => "{{if .AcknowledgeURL}}\n[Acknowledge]({{.AcknowledgeURL}}){{end}}",
            _ => "{{if .AcknowledgeURL}}\nAcknowledge: {{.AcknowledgeURL}}{{end}}",
        };
        return channelType == ChannelTypes.Smtp
            ? headline + "\n\nEvent: {{.Event}} at {{.Timestamp}}\nRepository: {{.Alert.RepositoryURL}} ({{.Alert.TargetFile}})" + link + "\n"
            : headline + link;
    }
}
