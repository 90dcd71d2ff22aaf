namespace Planekeeper.Grains.Notifications;

/// <summary>The notification channel types (docs/notifications.md, "Channels"); each has a real sender.</summary>
public static class ChannelTypes
{
    public const string Webhook = "webhook";
    public const string Slack = "slack";
    public const string Discord = "discord";
    public const string Teams = "teams";
    public const string PagerDuty = "pagerduty";
    public const string Telegram = "telegram";
    public const string Smtp = "smtp";

    public static IReadOnlyList<string> All { get; } = [Webhook, Slack, Discord, Teams, PagerDuty, Telegram, Smtp];
}
