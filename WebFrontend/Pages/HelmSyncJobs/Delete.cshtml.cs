using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.HelmSync;
using Planekeeper.WebFrontend.Pages.Deletion;

namespace Planekeeper.WebFrontend.Pages.HelmSyncJobs;

/// <summary><c>/helm-sync-jobs/{id}/delete</c>: confirm deleting a helm sync job (its child gather jobs stay).</summary>
public sealed class HelmSyncJobDeleteModel(IClusterClient cluster) : DeletePage(cluster)
{
    public override string Noun => "helm sync job";

    public override string ListPath => "/helm-sync-jobs";

    public override string DeleteAction => "helm-sync-jobs:delete";

    protected override AlertConfigInput? Input => null;

    protected override async Task<(string Name, int Version)?> FindAsync(long id) =>
        await Cluster.GetGrain<IHelmSyncJobGrain>(id).GetAsync(OrganizationId) is { } found ? (found.Name, found.Version) : null;

    protected override Task<CommandResult<bool>> DeleteAsync(long id, ExpectedVersion? expected) => Cluster.GetGrain<IHelmSyncJobGrain>(id).DeleteAsync(Actor, OrganizationId, expected);
}
