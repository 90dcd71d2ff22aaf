namespace Planekeeper.Grains.Notifications;

/// <summary>
/// One alert event as every channel sees it: the standard webhook payload's fields (docs/webhooks.md,
/// "The request") and the template variables (docs/notifications.md, "Templates").
/// <see cref="AcknowledgeUrl"/> is null for events of a resolved alert.
/// </summary>
public sealed record AlertNotice(
    string Event,
    DateTime Timestamp,
    Guid IdempotencyKey,
    long OrganizationId,
    string OrganizationName,
    long AlertId,
    string ConfigName,
    string RuleName,
    string RuleType,
    string Severity,
    string? PreviousSeverity,
    long BehindBy,
    string DiscoveredVersion,
    string? LatestVersion,
    string ArtifactName,
    string? RepositoryUrl,
    string? TargetFile,
    string Reason,
    bool Acknowledged,
    DateTime CreatedAt,
    string? AcknowledgeUrl);
