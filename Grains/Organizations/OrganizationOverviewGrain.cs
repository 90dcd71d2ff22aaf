using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Organizations;

namespace Planekeeper.Grains.Organizations;

[StatelessWorker]
[GrainType("planekeeper.organizations.overview-grain")]
public sealed class OrganizationOverviewGrain(OrganizationOverviewStore store) : Grain, IOrganizationOverviewGrain
{
    public async Task<IReadOnlyList<OrganizationOverview>> ListAsync() => await store.ListAsync();
}
