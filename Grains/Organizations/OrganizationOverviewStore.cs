using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.Grains.Jobs;

namespace Planekeeper.Grains.Organizations;

/// <summary>
/// The organizations with their counts, in one statement of correlated counts (each one an index range scan on the
/// counted table's organization index). Organization 0, the deployment's own, is never listed.
/// </summary>
public sealed class OrganizationOverviewStore(NpgsqlDataSource database)
{
    private static readonly string JobCounts = string.Join(" + ", JobKind.All.Select(kind =>
        $"(SELECT count(*) FROM {kind.Table} j WHERE j.organization_id = o.id)"));

    private static readonly string Select = $"""
        SELECT o.id, o.name, o.created_at AS CreatedAt,
               (SELECT count(*) FROM organization_members m WHERE m.organization_id = o.id)::int AS Members,
               ({JobCounts})::int AS Jobs,
               (SELECT count(*) FROM agents a WHERE a.organization_id = o.id)::int AS Agents,
               (SELECT count(*) FROM alerts al WHERE al.organization_id = o.id AND al.resolved_at IS NULL)::int AS OpenAlerts,
               o.suspended_at AS SuspendedAt, o.suspended_by AS SuspendedBy
          FROM organizations o
         WHERE o.id <> 0 AND (CAST(@Id AS bigint) IS NULL OR o.id = @Id)
         ORDER BY o.id
        """;

    public async Task<List<OrganizationOverview>> ListAsync()
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<OrganizationOverview>(Select, new { Id = (long?)null })).ToList();
    }

    /// <returns>Null for an unknown organization (or organization 0).</returns>
    public async Task<OrganizationOverview?> GetAsync(long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<OrganizationOverview>(Select, new { Id = (long?)organizationId });
    }
}
