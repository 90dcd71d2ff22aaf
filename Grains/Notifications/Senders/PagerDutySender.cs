using System.Text.Json;
using Planekeeper.Grains.Alerts;

namespace Planekeeper.Grains.Notifications.Senders;

/// <summary>
/// PagerDuty Events API v2: <c>trigger</c> on created, escalated and unacknowledged, <c>acknowledge</c>, <c>resolve</c>;
/// one incident per alert through <c>dedup_key</c> = <c>planekeeper-alert-&lt;id&gt;</c>.
/// </summary>
public sealed class PagerDutySender(NotificationHttp http) : IChannelSender
{
    public const string DefaultApiUrl = "https://events.pagerduty.com/v2/enqueue";

    private const int SummaryLimit = 1024;

    public string Type => ChannelTypes.PagerDuty;

    public Task<DeliveryAttemptResult> SendAsync(ChannelDefinition channel, AlertNotice notice, RenderedMessage message, CancellationToken cancellationToken)
    {
        var action = notice.Event switch
        {
            AlertEvents.Resolved => "resolve",
            AlertEvents.Acknowledged => "acknowledge",
            _ => "trigger",
        };
        var body = new Dictionary<string, object>
        {
            ["routing_key"] = channel.Secrets["routing_key"],
            ["event_action"] = action,
            ["dedup_key"] = $"planekeeper-alert-{notice.AlertId}",
        };
        if (action == "trigger")
        {
            body["payload"] = new
            {
                summary = Summary(message),
                severity = notice.Severity switch { "critical" => "critical", "high" => "error", _ => "warning" },
                source = "planekeeper",
                custom_details = new
                {
                    config_name = notice.ConfigName, artifact_name = notice.ArtifactName, discovered_version = notice.DiscoveredVersion,
                    latest_version = notice.LatestVersion, behind_by = notice.BehindBy, reason = notice.Reason, acknowledge_url = notice.AcknowledgeUrl,
                    message = message.Text,
                },
            };
        }

        var url = (string?)channel.Config["api_url"] ?? DefaultApiUrl;
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = HttpDelivery.Json(JsonSerializer.Serialize(body)) };
        return HttpDelivery.SendAsync(http, request, cancellationToken);
    }

    /// <summary>The incident's title: the rendered template's first line (PagerDuty allows 1,024 characters), else the built-in one-line summary.</summary>
    private static string Summary(RenderedMessage message)
    {
        var firstLine = message.Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return firstLine is null ? message.Subject : firstLine.Length <= SummaryLimit ? firstLine : firstLine[..SummaryLimit];
    }
}
