using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.WebFrontend.Pages.Deletion;

namespace Planekeeper.WebFrontend.Pages.NotificationRules;

/// <summary><c>/notification-rules/{id}/delete</c>: confirm deleting a notification rule (its deliveries stay).</summary>
public sealed class NotificationRuleDeleteModel(IClusterClient cluster) : DeletePage(cluster)
{
    public override string Noun => "notification rule";

    public override string ListPath => "/notification-rules";

    public override string DeleteAction => "notification-rules:delete";

    protected override AlertConfigInput? Input => null;

    protected override async Task<(string Name, int Version)?> FindAsync(long id) =>
        await Rule(id).GetAsync(OrganizationId) is { } found ? (found.Name, found.Version) : null;

    protected override Task<CommandResult<bool>> DeleteAsync(long id, ExpectedVersion? expected) => Rule(id).DeleteAsync(Actor, OrganizationId, expected);

    private INotificationRuleGrain Rule(long id) => Cluster.GetGrain<INotificationRuleGrain>(id);
}
