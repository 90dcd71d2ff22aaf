namespace Planekeeper.Grains.Interfaces.Organizations;

/// <summary>Every organization at a glance, for global admins (the Internal UI and the internal API). Stateless; key 0.</summary>
[Alias("planekeeper.organizations.overview-grain")]
public interface IOrganizationOverviewGrain : IGrainWithIntegerKey
{
    /// <summary>Every customer organization (not organization 0, the deployment's own), oldest first; one query.</summary>
    [Alias("list")]
    Task<IReadOnlyList<OrganizationOverview>> ListAsync();
}
