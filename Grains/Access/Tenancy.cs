namespace Planekeeper.Grains.Access;

/// <summary>
/// The one tenancy check of the per-entity grains (docs/security.md, "Tenancy"): a row of another organization is
/// treated exactly like a row that does not exist, so callers cannot tell the two apart.
/// </summary>
public static class Tenancy
{
    /// <summary>The row when it belongs to <paramref name="organizationId"/>; otherwise null, as if there were none.</summary>
    public static TRow? OwnedBy<TRow>(this TRow? row, long organizationId)
        where TRow : class, IOrganizationOwned =>
        row is not null && row.OrganizationId == organizationId ? row : null;
}
