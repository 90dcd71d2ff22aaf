using System.Text.Json;

namespace Planekeeper.Grains.Notifications.Senders;

/// <summary>Telegram Bot API <c>sendMessage</c>; the bot token is part of the address, so it is redacted from every error.</summary>
public sealed class TelegramSender(NotificationHttp http) : IChannelSender
{
    public const string DefaultApiUrl = "https://api.telegram.org";

    public string Type => ChannelTypes.Telegram;

    public Task<DeliveryAttemptResult> SendAsync(ChannelDefinition channel, AlertNotice notice, RenderedMessage message, CancellationToken cancellationToken)
    {
        var token = channel.Secrets["bot_token"];
        var url = $"{((string?)channel.Config["api_url"] ?? DefaultApiUrl).TrimEnd('/')}/bot{token}/sendMessage";
        var body = JsonSerializer.Serialize(new { chat_id = (string?)channel.Config["chat_id"], text = message.Text, disable_web_page_preview = true });
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = HttpDelivery.Json(body) };
        return HttpDelivery.SendAsync(http, request, cancellationToken, text => text.Replace(token, "<bot_token>", StringComparison.Ordinal));
    }
}
