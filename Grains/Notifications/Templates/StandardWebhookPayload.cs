using System.Text.Json;

namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// The standard webhook body (docs/webhooks.md, "The request"; snake_case JSON), what a webhook channel sends without a
/// template.
/// </summary>
public static class StandardWebhookPayload
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Build(AlertNotice notice) => JsonSerializer.Serialize(new
    {
        notice.Event,
        Timestamp = UtcTimestamp.Iso(notice.Timestamp),
        IdempotencyKey = notice.IdempotencyKey.ToString("D"),
        Organization = new { Id = notice.OrganizationId, Name = notice.OrganizationName },
        Alert = new
        {
            Id = notice.AlertId,
            notice.ConfigName,
            notice.RuleName,
            notice.RuleType,
            notice.Severity,
            notice.PreviousSeverity,
            notice.BehindBy,
            notice.DiscoveredVersion,
            notice.LatestVersion,
            notice.ArtifactName,
            notice.RepositoryUrl,
            notice.TargetFile,
            notice.Reason,
            notice.Acknowledged,
            CreatedAt = UtcTimestamp.Iso(notice.CreatedAt),
        },
        notice.AcknowledgeUrl,
    }, Options);
}
