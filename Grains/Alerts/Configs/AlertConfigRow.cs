using Planekeeper.Grains.Access;
using Planekeeper.Grains.Interfaces.Alerts;

namespace Planekeeper.Grains.Alerts.Configs;

/// <summary>One row of <c>alert_configs</c>.</summary>
public sealed class AlertConfigRow : IOrganizationOwned
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public long ScrapeJobId { get; set; }
    public long GatherJobId { get; set; }
    public long RuleId { get; set; }
    public bool Active { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? EvaluatedAt { get; set; }
    public int Version { get; set; }

    public AlertConfigRecord ToRecord(long? activeAlertId) => new(
        Id, OrganizationId, Name, ScrapeJobId, GatherJobId, RuleId, Active, Utc(CreatedAt), Utc(UpdatedAt),
        EvaluatedAt is { } evaluated ? Utc(evaluated) : null, activeAlertId) { Version = Version };

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
