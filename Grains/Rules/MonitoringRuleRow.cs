using Planekeeper.Grains.Access;
using Planekeeper.Grains.Interfaces.Rules;

namespace Planekeeper.Grains.Rules;

/// <summary>One row of <c>monitoring_rules</c>.</summary>
public sealed class MonitoringRuleRow : IOrganizationOwned
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public string RuleType { get; set; } = "";
    public int Moderate { get; set; }
    public int High { get; set; }
    public int Critical { get; set; }
    public bool StableOnly { get; set; }
    public bool Active { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public MonitoringRuleRecord ToRecord() => new(
        Id, OrganizationId, Name, RuleType, Moderate, High, Critical, StableOnly, Active,
        DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc), DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc)) { Version = Version };
}
