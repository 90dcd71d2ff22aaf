using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Audit;

namespace Planekeeper.Grains.Audit;

/// <summary>Reads <c>audit_log</c>; <see cref="AuditWriter"/> appends to it.</summary>
public sealed class AuditLogStore(NpgsqlDataSource database)
{
    private const string Select = """
        SELECT id, organization_id AS OrganizationId, actor, action, target, details::text AS Details, created_at AS CreatedAt
          FROM audit_log
         WHERE (organization_id = @OrganizationId
                OR (organization_id IS NULL AND target IN (SELECT 'user:' || user_id FROM organization_members WHERE organization_id = @OrganizationId)))
           AND (@Before::bigint IS NULL OR id < @Before)
         ORDER BY id DESC
         LIMIT @Limit
        """;

    /// <summary>
    /// Up to <paramref name="limit"/> entries older than <paramref name="before"/>, newest first: the organization's own
    /// and the account events of its current members.
    /// </summary>
    public async Task<List<AuditRecord>> ListAsync(long organizationId, int limit, long? before)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<AuditRecord>(Select, new { OrganizationId = organizationId, Before = before, Limit = limit })).ToList();
    }
}
