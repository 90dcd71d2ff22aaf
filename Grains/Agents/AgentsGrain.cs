using System.Text.Json;
using Dapper;
using Npgsql;
using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Agents;

[StatelessWorker]
[GrainType("planekeeper.agents.directory")]
public sealed class AgentsGrain(NpgsqlDataSource database, AgentSettings settings, TimeProvider clock) : Grain, IAgentsGrain
{
    private sealed class AgentRow
    {
        public long Id { get; init; }
        public long OrganizationId { get; init; }
        public long ApiKeyId { get; init; }
        public string Name { get; init; } = "";
        public string Version { get; init; } = "";
        public string[] Capabilities { get; init; } = [];
        public string Credentials { get; init; } = "[]";
        public DateTime LastHeartbeatAt { get; init; }
        public DateTime CreatedAt { get; init; }
    }

    public async Task<CommandResult<AgentRegistration>> HeartbeatAsync(long apiKeyId, long organizationId, AgentHeartbeat heartbeat)
    {
        var validated = HeartbeatValidator.Validate(heartbeat);
        if (!validated.IsValid)
        {
            return CommandResult<AgentRegistration>.Invalid(validated.Errors);
        }

        var agent = validated.Value!;
        await using var connection = await database.OpenConnectionAsync();
        var id = await connection.QuerySingleAsync<long>(
            """
            INSERT INTO agents (organization_id, api_key_id, name, version, capabilities, credentials, last_heartbeat_at)
            VALUES (@OrganizationId, @ApiKeyId, @Name, @Version, @Capabilities, CAST(@Credentials AS jsonb), @Now)
            ON CONFLICT (api_key_id, name) DO UPDATE
               SET version = EXCLUDED.version, capabilities = EXCLUDED.capabilities, credentials = EXCLUDED.credentials,
                   last_heartbeat_at = EXCLUDED.last_heartbeat_at
            RETURNING id
            """,
            new
            {
                OrganizationId = organizationId,
                ApiKeyId = apiKeyId,
                agent.Name,
                agent.Version,
                Capabilities = agent.Capabilities.ToArray(),
                Credentials = JsonSerializer.Serialize(agent.Credentials.Select(c => new { name = c.Name, type = c.Type })),
                Now = clock.GetUtcNow().UtcDateTime,
            });
        return CommandResult<AgentRegistration>.Ok(new AgentRegistration(id, (int)settings.HeartbeatInterval.TotalSeconds));
    }

    public async Task<IReadOnlyList<AgentRecord>> ListAsync(long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<AgentRow>(
            """
            SELECT id, organization_id AS OrganizationId, api_key_id AS ApiKeyId, name, version, capabilities,
                   credentials::text AS Credentials, last_heartbeat_at AS LastHeartbeatAt, created_at AS CreatedAt
              FROM agents WHERE organization_id = @OrganizationId ORDER BY id
            """,
            new { OrganizationId = organizationId });
        var offlineBefore = clock.GetUtcNow().UtcDateTime - settings.OfflineAfter;
        return rows.Select(row => new AgentRecord(
            row.Id, row.OrganizationId, row.ApiKeyId, row.Name, row.Version, row.LastHeartbeatAt > offlineBefore ? "online" : "offline",
            row.Capabilities, JsonSerializer.Deserialize<List<AgentCredential>>(row.Credentials, JsonSerializerOptions.Web)!, row.LastHeartbeatAt, row.CreatedAt)).ToList();
    }
}
