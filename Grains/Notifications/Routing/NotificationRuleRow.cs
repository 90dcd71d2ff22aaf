using Planekeeper.Grains.Access;
using Planekeeper.Grains.Interfaces.Notifications;

namespace Planekeeper.Grains.Notifications.Routing;

/// <summary>One row of <c>notification_rules</c>.</summary>
public sealed class NotificationRuleRow : IOrganizationOwned
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public bool Active { get; set; }
    public int Priority { get; set; }
    public string[] EventTypes { get; set; } = [];
    public string[] Severities { get; set; } = [];
    public long? ChannelId { get; set; }
    public long Matched { get; set; }
    public long Skipped { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public NotificationRuleRecord ToRecord() => new(
        Id, OrganizationId, Name, Active, Priority, EventTypes, Severities, ChannelId, Matched, Skipped,
        DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc), DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc)) { Version = Version };
}
