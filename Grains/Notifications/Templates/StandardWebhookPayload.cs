using System.Text.Json;
using System.Text.Json.Serialization;

namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>The standard webhook body (SPEC §4), the built-in of webhook channels.</summary>
public static class StandardWebhookPayload
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static string Build(AlertNotice notice) => JsonSerializer.Serialize(new
    {
        Event = notice.Event,
        Timestamp = TemplateFields.Iso(notice.Timestamp),
        IdempotencyKey = notice.IdempotencyKey.ToString("D"),
        Organization = new { Id = notice.OrganizationId, Name = notice.OrganizationName },
        Alert = new
        {
            Id = notice.AlertId, notice.ConfigName, notice.RuleName, notice.RuleType, notice.Severity, notice.PreviousSeverity, notice.BehindBy,
            notice.DiscoveredVersion, notice.LatestVersion, notice.ArtifactName, notice.RepositoryUrl, notice.TargetFile, notice.Reason,
            notice.Acknowledged, CreatedAt = TemplateFields.Iso(notice.CreatedAt),
        },
        AcknowledgeUrl = notice.AcknowledgeUrl,
    }, Options);
}
