namespace Planekeeper.Grains.Notifications;

/// <summary>
/// One alert event as every channel sees it: the SPEC §4 webhook payload's fields and the template variables.
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
