using Dapper;
using Npgsql;
using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Audit;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Audit;

/// <summary>
/// The organization's own entries, plus account events (sign-ins, failures, lockouts) of its current members,
/// which belong to no single organization.
/// </summary>
[StatelessWorker]
[GrainType("planekeeper.audit.log")]
public sealed class AuditLogGrain(NpgsqlDataSource database) : Grain, IAuditLogGrain
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

    public async Task<Page<AuditRecord>> ListAsync(long organizationId, int limit, long? before)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<AuditRecord>(Select, new { OrganizationId = organizationId, Before = before, Limit = limit + 1 })).ToList();
        var next = rows.Count > limit ? rows[limit - 1].Id.ToString() : null;
        return new Page<AuditRecord>(rows.Take(limit).ToList(), next);
    }
}
