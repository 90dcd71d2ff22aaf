using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.WebFrontend.Pages.Deletion;

namespace Planekeeper.WebFrontend.Pages.GatherJobs;

/// <summary><c>/gather-jobs/{id}/delete</c>: confirm deleting a gather job.</summary>
public sealed class GatherJobDeleteModel(IClusterClient cluster) : DeletePage(cluster)
{
    public override string Noun => "gather job";

    public override string ListPath => "/gather-jobs";

    public override string DeleteAction => "gather-jobs:delete";

    protected override AlertConfigInput? Input => AlertConfigInput.GatherJob;

    protected override async Task<(string Name, int Version)?> FindAsync(long id) =>
        await Cluster.GetGrain<IGatherJobGrain>(id).GetAsync(OrganizationId) is { } found ? (found.Name, found.Version) : null;

    protected override Task<CommandResult<bool>> DeleteAsync(long id, ExpectedVersion? expected) => Cluster.GetGrain<IGatherJobGrain>(id).DeleteAsync(Actor, OrganizationId, expected);
}
