using System.Globalization;
using System.Text.Json.Nodes;
using Planekeeper.Grains.Notifications.Channels;

namespace Planekeeper.Grains.Notifications.Senders;

/// <summary>
/// Webhooks (docs/webhooks.md, "The request" and "Verifying the signature"): the JSON body with the event, delivery and
/// timestamp headers, signed when the channel has an HMAC secret.
/// </summary>
public sealed class WebhookSender(NotificationHttp http, TimeProvider clock) : IChannelSender
{
    public string Type => ChannelTypes.Webhook;

    public Task<DeliveryAttemptResult> SendAsync(ChannelDefinition channel, AlertNotice notice, RenderedMessage message, CancellationToken cancellationToken)
    {
        var body = message.JsonBody ?? "{}";
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, (string)channel.Config["url"]!) { Content = HttpDelivery.Json(body) };
        request.Headers.Add("X-Planekeeper-Event", notice.Event);
        request.Headers.Add("X-Planekeeper-Delivery", notice.IdempotencyKey.ToString("D"));
        request.Headers.Add("X-Planekeeper-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        if (channel.Secrets.GetValueOrDefault(ChannelSecretNames.HmacSecret) is { } secret)
        {
            request.Headers.Add("X-Planekeeper-Signature", WebhookSignature.Sign(secret, timestamp, body));
        }

        foreach (var (name, value) in CustomHeaders(channel))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return HttpDelivery.SendAsync(http, request, cancellationToken);
    }

    /// <summary>The channel's own headers: names in the public configuration, values among the secrets.</summary>
    private static IEnumerable<(string Name, string Value)> CustomHeaders(ChannelDefinition channel) =>
        channel.Config["headers"] is JsonObject headers
            ? headers.Select(header => (header.Key, channel.Secrets.GetValueOrDefault(ChannelConfigValidator.HeaderSecret(header.Key)) ?? ""))
            : [];
}
