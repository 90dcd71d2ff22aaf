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

    protected override async Task<string?> NameAsync(long id) => (await Cluster.GetGrain<IScrapeJobGrain>(id).GetAsync(OrganizationId))?.Name;

    protected override Task<CommandResult<bool>> DeleteAsync(long id) => Cluster.GetGrain<IScrapeJobGrain>(id).DeleteAsync(Actor, OrganizationId);
}
