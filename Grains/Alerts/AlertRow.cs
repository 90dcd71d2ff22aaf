using Planekeeper.Grains.Interfaces.Alerts;

namespace Planekeeper.Grains.Alerts;

/// <summary>One row of <c>alerts</c>, as read and written by <see cref="AlertStore"/>.</summary>
public sealed class AlertRow
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public long? AlertConfigId { get; set; }
    public string ConfigName { get; set; } = "";
    public string Severity { get; set; } = "";
    public string? PreviousSeverity { get; set; }
    public long BehindBy { get; set; }
    public string DiscoveredVersion { get; set; } = "";
    public string? LatestVersion { get; set; }
    public string Reason { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? AckMetadata { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public int Version { get; set; }

    public AlertRow Copy() => (AlertRow)MemberwiseClone();

    public AlertRecord ToRecord() => new(
        Id, OrganizationId, AlertConfigId, ConfigName, Severity, PreviousSeverity, BehindBy, DiscoveredVersion, LatestVersion, Reason,
        Utc(CreatedAt), Utc(UpdatedAt), Utc(AcknowledgedAt), AcknowledgedBy, AckMetadata, Utc(ResolvedAt), ResolvedBy);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}
