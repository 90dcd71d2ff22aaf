namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// The built-in message of each channel type and category, as template source: what a notice says when nobody wrote
/// a template. Chat channels get one headline plus an acknowledge link in their own link syntax, mail a multi-line
/// text. Webhooks have no built-in template: they send <see cref="StandardWebhookPayload"/>.
/// </summary>
public static class BuiltInTemplates
{
    private const string Subject = "{{.Alert.ConfigName}}: {{.Alert.ArtifactName}}";
    private const string Versions = "({{.Alert.DiscoveredVersion}} deployed{{if .Alert.LatestVersion}}, {{.Alert.LatestVersion}} latest{{end}})";
    private const string Behind = Subject + " is {{.Alert.BehindBy}} behind " + Versions;
    private const string Severity = "[{{.Alert.Severity | upper}}] ";

    private const string MailDetails = """


        Configuration: {{.Alert.ConfigName}}
        Artifact: {{.Alert.ArtifactName}}
        Deployed version: {{.Alert.DiscoveredVersion}}
        {{if .Alert.LatestVersion}}Latest version: {{.Alert.LatestVersion}}
        {{end}}Behind by: {{.Alert.BehindBy}}
        Severity: {{.Alert.Severity}}{{if .PreviousSeverity}} (was {{.PreviousSeverity}}){{end}}
        Rule: {{.Alert.RuleName}} ({{.Alert.RuleType}})
        {{if .Alert.RepositoryURL}}Repository: {{.Alert.RepositoryURL}}
        {{end}}{{if .Alert.TargetFile}}File: {{.Alert.TargetFile}}
        {{end}}Event: {{.Event}} at {{.Timestamp}}
        """;

    /// <summary>The template source for <paramref name="channelType"/> (not a webhook) and <paramref name="category"/>.</summary>
    public static string For(string channelType, string category) => channelType switch
    {
        ChannelTypes.Webhook => throw new ArgumentException(
            "webhooks have no built-in template: they send the standard payload (StandardWebhookPayload)", nameof(channelType)),
        ChannelTypes.Smtp => Headline(category) + MailDetails + AcknowledgeLink("\n\nAcknowledge: {{.AcknowledgeURL}}") + "\n",
        ChannelTypes.Slack => Headline(category) + AcknowledgeLink("\n<{{.AcknowledgeURL}}|Acknowledge>"),
        ChannelTypes.Discord => Headline(category) + AcknowledgeLink("\n[Acknowledge]({{.AcknowledgeURL}})"),
        ChannelTypes.Teams => Headline(category) + AcknowledgeLink("\n\n[Acknowledge]({{.AcknowledgeURL}})"),
        ChannelTypes.Telegram or ChannelTypes.PagerDuty => Headline(category) + AcknowledgeLink("\nAcknowledge: {{.AcknowledgeURL}}"),
        _ => throw new ArgumentException($"'{channelType}' is not a channel type", nameof(channelType)),
    };

    private static string Headline(string category) => category switch
    {
        TemplateCategories.NewAlert => Severity + Behind + "{{if .PreviousSeverity}}, escalated from {{.PreviousSeverity}}{{end}}",
        TemplateCategories.Acknowledged => "{{if .IsAcknowledged}}Acknowledged{{else}}Unacknowledged{{end}}: " + Severity + Behind,
        TemplateCategories.Resolved => "Resolved: " + Subject + " " + Versions,
        _ => throw new ArgumentException($"'{category}' is not a template category", nameof(category)),
    };

    /// <summary>The link while the alert can still be acknowledged: there is a link and it is not acknowledged yet.</summary>
    private static string AcknowledgeLink(string link) => "{{if .AcknowledgeURL}}{{if .IsAcknowledged}}{{else}}" + link + "{{end}}{{end}}";
}
