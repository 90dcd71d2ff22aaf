using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.WebFrontend.Pages.Deletion;

namespace Planekeeper.WebFrontend.Pages.AlertConfigs;

/// <summary><c>/alert-configs/{id}/delete</c>: confirm deleting a alert config.</summary>
public sealed class AlertConfigDeleteModel(IClusterClient cluster) : DeletePage(cluster)
{
    public override string Noun => "alert config";

    public override string ListPath => "/alert-configs";

    public override string DeleteAction => "alert-configs:delete";

    protected override AlertConfigInput? Input => null;

    protected override async Task<(string Name, int Version)?> FindAsync(long id) =>
        await Cluster.GetGrain<IAlertConfigGrain>(id).GetAsync(OrganizationId) is { } found ? (found.Name, found.Version) : null;

    protected override Task<CommandResult<bool>> DeleteAsync(long id, ExpectedVersion? expected) => Cluster.GetGrain<IAlertConfigGrain>(id).DeleteAsync(Actor, OrganizationId, expected);
}
