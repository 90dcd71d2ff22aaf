using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.Scrape;
using Planekeeper.WebFrontend.Pages.Deletion;

namespace Planekeeper.WebFrontend.Pages.ScrapeJobs;

/// <summary><c>/scrape-jobs/{id}/delete</c>: confirm deleting a scrape job.</summary>
public sealed class ScrapeJobDeleteModel(IClusterClient cluster) : DeletePage(cluster)
{
    public override string Noun => "scrape job";

    public override string ListPath => "/scrape-jobs";

    public override string DeleteAction => "scrape-jobs:delete";

    protected override AlertConfigInput? Input => AlertConfigInput.ScrapeJob;

    protected override async Task<(string Name, int Version)?> FindAsync(long id) =>
        await Cluster.GetGrain<IScrapeJobGrain>(id).GetAsync(OrganizationId) is { } found ? (found.Name, found.Version) : null;

    protected override Task<CommandResult<bool>> DeleteAsync(long id, ExpectedVersion? expected) => Cluster.GetGrain<IScrapeJobGrain>(id).DeleteAsync(Actor, OrganizationId, expected);
}
