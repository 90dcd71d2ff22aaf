using System.Text.Json;
using Dapper;
using Npgsql;

namespace Planekeeper.Grains.Audit;

/// <summary>Appends to <c>audit_log</c>. Grains call it after the change they audit is stored.</summary>
public sealed class AuditWriter(NpgsqlDataSource database)
{
    private const string Insert = """
        INSERT INTO audit_log (organization_id, actor, action, target, details)
        VALUES (@OrganizationId, @Actor, @Action, @Target, CAST(@Details AS jsonb))
        """;

    public async Task WriteAsync(AuditEntry entry)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(Insert, Parameters(entry));
    }

    private static object Parameters(AuditEntry entry) => new
    {
        entry.OrganizationId,
        entry.Actor,
        entry.Action,
        entry.Target,
        Details = JsonSerializer.Serialize(entry.Details ?? new { }, JsonSerializerOptions.Web),
    };
}
