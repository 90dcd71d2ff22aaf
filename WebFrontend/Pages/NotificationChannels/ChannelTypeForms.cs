namespace Planekeeper.WebFrontend.Pages.NotificationChannels;

/// <summary>The fields each channel type's form shows (docs/notifications.md, "Channels"), and only those.</summary>
public static class ChannelTypeForms
{
    private const string SecretHint = "Secret: stored encrypted and never shown again.";

    public static IReadOnlyDictionary<string, (string Label, IReadOnlyList<ChannelField> Fields)> Types { get; } =
        new Dictionary<string, (string, IReadOnlyList<ChannelField>)>
        {
            ["webhook"] = ("Webhook", [new("url", "URL", ChannelFieldKind.Text, true, "Receives the JSON payload, signed with the HMAC secret below (docs: webhooks).")]),
            ["slack"] = ("Slack", [new("webhook_url", "Incoming webhook URL", ChannelFieldKind.Secret, true, SecretHint)]),
            ["discord"] = ("Discord", [new("webhook_url", "Webhook URL", ChannelFieldKind.Secret, true, SecretHint)]),
            ["teams"] = ("Microsoft Teams", [new("webhook_url", "Incoming webhook URL", ChannelFieldKind.Secret, true, SecretHint)]),
            ["pagerduty"] = ("PagerDuty", [
                new("routing_key", "Routing key", ChannelFieldKind.Secret, true, SecretHint),
                new("api_url", "Events API URL", ChannelFieldKind.Text, false, "Empty: https://events.pagerduty.com/v2/enqueue")]),
            ["telegram"] = ("Telegram", [
                new("bot_token", "Bot token", ChannelFieldKind.Secret, true, SecretHint),
                new("chat_id", "Chat id", ChannelFieldKind.Text, true),
                new("api_url", "Bot API URL", ChannelFieldKind.Text, false, "Empty: https://api.telegram.org")]),
            ["smtp"] = ("Email (SMTP)", [
                new("host", "SMTP host", ChannelFieldKind.Text, true),
                new("port", "Port", ChannelFieldKind.Number, true, "587 for STARTTLS, 465 for TLS."),
                new("security", "Security", ChannelFieldKind.Security, false),
                new("username", "User name", ChannelFieldKind.Text, false),
                new("password", "Password", ChannelFieldKind.Secret, false, SecretHint),
                new("from", "From", ChannelFieldKind.Text, true),
                new("to", "To (one address per line)", ChannelFieldKind.Addresses, true)]),
        };

    public static IReadOnlyList<string> SmtpSecurity { get; } = ["starttls", "tls", "none"];
}
