namespace Planekeeper.Grains.Access;

/// <summary>A row that belongs to one organization: the unit of tenancy (docs/security.md, "Tenancy").</summary>
public interface IOrganizationOwned
{
    long OrganizationId { get; }
}
