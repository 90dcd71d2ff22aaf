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
           AND (@Kind::text IS NULL OR split_part(action, '.', 1) = @Kind)
           AND (@Subject::text IS NULL OR actor = @Subject OR target = @Subject)
         ORDER BY id DESC
         LIMIT @Limit
        """;

    /// <summary>
    /// Up to <paramref name="limit"/> entries older than <paramref name="before"/>, newest first: the organization's own
    /// and the account events of its current members; of one kind and/or by or about one user when the filter says so.
    /// </summary>
    public async Task<List<AuditRecord>> ListAsync(long organizationId, AuditLogFilter filter, int limit, long? before)
    {
        await using var connection = await database.OpenConnectionAsync();
        var subject = filter.UserId is { } userId ? $"user:{userId}" : null;
        return (await connection.QueryAsync<AuditRecord>(
            Select, new { OrganizationId = organizationId, Before = before, Limit = limit, filter.Kind, Subject = subject })).ToList();
    }
}
