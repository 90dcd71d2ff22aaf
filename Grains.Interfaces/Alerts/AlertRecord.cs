namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>
/// An alert (docs/rules-and-alerts.md, "Lifecycle and events" and "Listing"). <see cref="AlertConfigId"/> is null once
/// its config was deleted; <see cref="AckMetadata"/> is the JSON text given when it was acknowledged.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.alerts.alert")]
public sealed record AlertRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] long OrganizationId,
    [property: Id(2)] long? AlertConfigId,
    [property: Id(3)] string ConfigName,
    [property: Id(4)] string Severity,
    [property: Id(5)] string? PreviousSeverity,
    [property: Id(6)] long BehindBy,
    [property: Id(7)] string DiscoveredVersion,
    [property: Id(8)] string? LatestVersion,
    [property: Id(9)] string Reason,
    [property: Id(10)] DateTime CreatedAt,
    [property: Id(11)] DateTime UpdatedAt,
    [property: Id(12)] DateTime? AcknowledgedAt,
    [property: Id(13)] string? AcknowledgedBy,
    [property: Id(14)] string? AckMetadata,
    [property: Id(15)] DateTime? ResolvedAt,
    [property: Id(16)] string? ResolvedBy)
{
    public string Status => ResolvedAt is null ? "active" : "resolved";

    public bool Acknowledged => AcknowledgedAt is not null;
}
