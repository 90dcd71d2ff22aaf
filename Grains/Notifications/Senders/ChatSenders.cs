using System.Text.Json;

namespace Planekeeper.Grains.Notifications.Senders;

/// <summary>Slack incoming webhooks: <c>{"text": …}</c>.</summary>
public sealed class SlackSender(NotificationHttp http) : IChannelSender
{
    public string Type => ChannelTypes.Slack;

    public Task<DeliveryAttemptResult> SendAsync(ChannelDefinition channel, AlertNotice notice, RenderedMessage message, CancellationToken cancellationToken) =>
        ChatPost.SendAsync(http, channel, new { text = message.Text }, cancellationToken);
}

/// <summary>Discord webhooks: <c>{"content": …}</c>, at most 2,000 characters.</summary>
public sealed class DiscordSender(NotificationHttp http) : IChannelSender
{
    private const int MaxContent = 2000;

    public string Type => ChannelTypes.Discord;

    public Task<DeliveryAttemptResult> SendAsync(ChannelDefinition channel, AlertNotice notice, RenderedMessage message, CancellationToken cancellationToken) =>
        ChatPost.SendAsync(http, channel, new { content = message.Text.Length > MaxContent ? message.Text[..(MaxContent - 1)] + "…" : message.Text }, cancellationToken);
}

/// <summary>Microsoft Teams incoming webhooks: a MessageCard coloured by severity.</summary>
public sealed class TeamsSender(NotificationHttp http) : IChannelSender
{
    public string Type => ChannelTypes.Teams;

    public Task<DeliveryAttemptResult> SendAsync(ChannelDefinition channel, AlertNotice notice, RenderedMessage message, CancellationToken cancellationToken)
    {
        var card = new Dictionary<string, object>
        {
            ["@type"] = "MessageCard",
            ["@context"] = "https://schema.org/extensions",
            ["summary"] = message.Subject,
            ["title"] = message.Subject,
            ["text"] = message.Text,
            ["themeColor"] = notice.Event == Alerts.AlertEvents.Resolved ? "2EB67D" : notice.Severity switch { "critical" => "D40E0D", "high" => "E8912D", _ => "ECB22E" },
        };
        return ChatPost.SendAsync(http, channel, card, cancellationToken);
    }
}

/// <summary>A JSON POST to the channel's secret <c>webhook_url</c>.</summary>
internal static class ChatPost
{
    public static Task<DeliveryAttemptResult> SendAsync(NotificationHttp http, ChannelDefinition channel, object payload, CancellationToken cancellationToken)
    {
        var url = channel.Secrets["webhook_url"];
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = HttpDelivery.Json(JsonSerializer.Serialize(payload)) };
        return HttpDelivery.SendAsync(http, request, cancellationToken, text => text.Replace(url, "<webhook_url>", StringComparison.Ordinal));
    }
}
