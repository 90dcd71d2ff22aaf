namespace Planekeeper.Grains.Notifications.Senders;

/// <summary>The sender classes, one per channel type, for registration.</summary>
public static class ChannelSenders
{
    public static IReadOnlyList<Type> Types { get; } =
        [typeof(WebhookSender), typeof(SlackSender), typeof(DiscordSender), typeof(TeamsSender), typeof(PagerDutySender), typeof(TelegramSender), typeof(SmtpSender)];
}
