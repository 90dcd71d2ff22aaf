using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Rules;
using Planekeeper.WebFrontend.Pages.Deletion;

namespace Planekeeper.WebFrontend.Pages.Rules;

/// <summary><c>/monitoring-rules/{id}/delete</c>: confirm deleting a monitoring rule.</summary>
public sealed class RuleDeleteModel(IClusterClient cluster) : DeletePage(cluster)
{
    public override string Noun => "monitoring rule";

    public override string ListPath => "/monitoring-rules";

    public override string DeleteAction => "monitoring-rules:delete";

    protected override AlertConfigInput? Input => AlertConfigInput.Rule;

    protected override async Task<(string Name, int Version)?> FindAsync(long id) =>
        await Cluster.GetGrain<IMonitoringRuleGrain>(id).GetAsync(OrganizationId) is { } found ? (found.Name, found.Version) : null;

    protected override Task<CommandResult<bool>> DeleteAsync(long id, ExpectedVersion? expected) => Cluster.GetGrain<IMonitoringRuleGrain>(id).DeleteAsync(Actor, OrganizationId, expected);
}
