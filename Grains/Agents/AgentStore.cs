using System.Text.Json;
using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Jobs;
using Planekeeper.Grains.Tasks;

namespace Planekeeper.Grains.Agents;

/// <summary>
/// The <c>agents</c> rows (written by heartbeats through <see cref="AgentDirectoryGrain"/>) and what the agent grains read of
/// <c>task_executions</c> and the job tables. A running task is in its job's row (the lease columns); <c>task_executions</c>
/// holds the runs that ended (docs/jobs.md, "Leases and recovery").
/// </summary>
public sealed class AgentStore(NpgsqlDataSource database)
{
    /// <summary>
    /// Every job row an agent holds now: one SELECT per kind over the lease columns, of the organizations whose wake-up
    /// row is at or before <c>@Now</c> (only they can have one, <see cref="TaskStore.AwakeBy"/>), by the organization index.
    /// </summary>
    private static string HeldJobs(string columns, string where) =>
        string.Join("\nUNION ALL\n", JobKind.All.Select(kind => $"SELECT {columns.Replace("{kind}", kind.Name)} FROM {kind.Table} j WHERE j.{TaskStore.AwakeBy("@Now")} AND {where}"));

    /// <summary>What an agent grain loads at activation.</summary>
    public sealed class AgentState
    {
        public long OrganizationId { get; init; }
        public long ApiKeyId { get; init; }
        public string[] Capabilities { get; init; } = [];
        public string[] CredentialNames { get; init; } = [];
        public DateTime LastHeartbeatAt { get; init; }
    }

    public sealed class AgentRow
    {
        public long Id { get; init; }
        public long OrganizationId { get; init; }
        public long ApiKeyId { get; init; }
        public string Name { get; init; } = "";
        public string Version { get; init; } = "";
        public string[] Capabilities { get; init; } = [];
        public string Credentials { get; init; } = "[]";
        public string RateLimits { get; init; } = "{}";
        public DateTime LastHeartbeatAt { get; init; }
        public DateTime CreatedAt { get; init; }
    }

    public sealed class AgentEverywhereRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public long OrganizationId { get; init; }
        public string? OrganizationName { get; init; }
        public string Version { get; init; } = "";
        public DateTime LastHeartbeatAt { get; init; }
        public DateTime CreatedAt { get; init; }
        public int RunningJobs { get; init; }
    }

    public sealed class QueuedJobRow
    {
        public string Kind { get; init; } = "";
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string? CredentialName { get; init; }
    }

    public sealed class RunningTaskRow
    {
        public long AgentId { get; init; }
        public long TaskId { get; init; }
        public long OrganizationId { get; init; }
        public string JobKind { get; init; } = "";
        public long JobId { get; init; }
        public DateTime StartedAt { get; init; }
    }

    public async Task<AgentState?> LoadAsync(long agentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AgentState>(
            """
            SELECT organization_id AS OrganizationId, api_key_id AS ApiKeyId, capabilities,
                   ARRAY(SELECT c ->> 'name' FROM jsonb_array_elements(credentials) AS c) AS CredentialNames, last_heartbeat_at AS LastHeartbeatAt
              FROM agents WHERE id = @Id
            """,
            new { Id = agentId });
    }

    private sealed class SavedRow
    {
        public long Id { get; init; }
        public long ApiKeyId { get; init; }
        public string Name { get; init; } = "";
    }

    /// <summary>
    /// Creates or refreshes the row of each agent named in the heartbeats (one per API key and name), in one statement,
    /// and sets each heartbeat's <see cref="SavedHeartbeat.AgentId"/>. Rows are written in key order, so two batches
    /// that meet on rows lock them in the same order.
    /// </summary>
    public async Task SaveHeartbeatsAsync(IReadOnlyCollection<SavedHeartbeat> heartbeats)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<SavedRow>(
            """
            INSERT INTO agents (organization_id, api_key_id, name, version, capabilities, credentials, rate_limits, last_heartbeat_at)
            SELECT b.organization_id, b.api_key_id, b.name, b.version, ARRAY(SELECT jsonb_array_elements_text(b.capabilities)),
                   b.credentials, b.rate_limits, b.at
              FROM unnest(@OrganizationIds, @ApiKeyIds, @Names, @Versions, CAST(@Capabilities AS jsonb[]), CAST(@Credentials AS jsonb[]),
                          CAST(@RateLimits AS jsonb[]), @At)
                   AS b(organization_id, api_key_id, name, version, capabilities, credentials, rate_limits, at)
             ORDER BY b.api_key_id, b.name
            ON CONFLICT (api_key_id, name) DO UPDATE
               SET version = EXCLUDED.version, capabilities = EXCLUDED.capabilities, credentials = EXCLUDED.credentials,
                   rate_limits = CASE WHEN EXCLUDED.rate_limits = '{}' THEN agents.rate_limits ELSE EXCLUDED.rate_limits END,
                   last_heartbeat_at = EXCLUDED.last_heartbeat_at
            RETURNING id, api_key_id AS ApiKeyId, name
            """,
            new
            {
                OrganizationIds = heartbeats.Select(h => h.OrganizationId).ToArray(),
                ApiKeyIds = heartbeats.Select(h => h.ApiKeyId).ToArray(),
                Names = heartbeats.Select(h => h.Agent.Name).ToArray(),
                Versions = heartbeats.Select(h => h.Agent.Version).ToArray(),
                Capabilities = heartbeats.Select(h => JsonSerializer.Serialize(h.Agent.Capabilities)).ToArray(),
                Credentials = heartbeats.Select(h => JsonSerializer.Serialize(h.Agent.Credentials.Select(c => new { name = c.Name, type = c.Type }))).ToArray(),
                RateLimits = heartbeats.Select(h => JsonSerializer.Serialize(h.Agent.RateLimits, JsonSerializerOptions.Web)).ToArray(),
                At = heartbeats.Select(h => h.At).ToArray(),
            });
        var ids = rows.ToDictionary(row => (row.ApiKeyId, row.Name), row => row.Id);
        foreach (var heartbeat in heartbeats)
        {
            heartbeat.AgentId = ids[(heartbeat.ApiKeyId, heartbeat.Agent.Name)];
        }
    }

    public async Task<List<AgentRow>> ListAsync(long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<AgentRow>(
            """
            SELECT id, organization_id AS OrganizationId, api_key_id AS ApiKeyId, name, version, capabilities,
                   credentials::text AS Credentials, rate_limits::text AS RateLimits, last_heartbeat_at AS LastHeartbeatAt, created_at AS CreatedAt
              FROM agents WHERE organization_id = @OrganizationId ORDER BY id
            """,
            new { OrganizationId = organizationId })).ToList();
    }

    /// <summary>Every agent, server agents (organization 0, without a name) first, with how many tasks each holds.</summary>
    public async Task<List<AgentEverywhereRow>> ListEverywhereAsync(DateTime now)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<AgentEverywhereRow>(
            $"""
            SELECT a.id, a.name, a.organization_id AS OrganizationId, CASE WHEN a.organization_id = 0 THEN NULL ELSE o.name END AS OrganizationName,
                   a.version, a.last_heartbeat_at AS LastHeartbeatAt, a.created_at AS CreatedAt,
                   (SELECT count(*) FROM ({HeldJobs("1", "j.lease_agent_id = a.id")}) AS held)::int AS RunningJobs
              FROM agents a JOIN organizations o ON o.id = a.organization_id
             ORDER BY a.organization_id, a.id
            """,
            new { Now = now })).ToList();
    }

    /// <summary>The unfinished tasks of the organization's agents, by agent.</summary>
    public async Task<ILookup<long, RunningTaskRow>> RunningTasksAsync(long organizationId, DateTime now)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<RunningTaskRow>(
            $"""
            SELECT t.* FROM ({HeldJobs(
                "j.lease_agent_id AS AgentId, j.lease_id AS TaskId, j.organization_id AS OrganizationId, '{kind}' AS JobKind, j.id AS JobId, j.started_at AS StartedAt",
                "j.lease_agent_id IN (SELECT id FROM agents WHERE organization_id = @OrganizationId)")}) AS t
             ORDER BY t.TaskId
            """,
            new { OrganizationId = organizationId, Now = now })).ToLookup(task => task.AgentId);
    }

    public async Task<List<QueuedJobRow>> QueuedJobsAsync(long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<QueuedJobRow>(
            string.Join("\nUNION ALL\n", JobKind.All.Select(kind =>
                $"SELECT '{kind.Name}' AS Kind, id, name, credential_name AS CredentialName FROM {kind.Table} WHERE organization_id = @OrganizationId AND status = 'queued'"))
            + "\nORDER BY 1, 2",
            new { OrganizationId = organizationId })).ToList();
    }

    /// <summary>The organization of a task the agent holds or held; null when it never held it.</summary>
    public async Task<long?> OrganizationOfTaskAsync(long agentId, long taskId, DateTime now)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<long?>(
            $"""
            SELECT organization_id FROM task_executions WHERE id = @TaskId AND agent_id = @AgentId
            UNION
            {HeldJobs("j.organization_id", "j.lease_agent_id = @AgentId AND j.lease_id = @TaskId")}
            """,
            new { TaskId = taskId, AgentId = agentId, Now = now });
    }

    public async Task<IEnumerable<long>> OrganizationsWithOpenTasksAsync(long agentId, DateTime now)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QueryAsync<long>(
            $"SELECT DISTINCT organization_id FROM ({HeldJobs("j.organization_id", "j.lease_agent_id = @AgentId")}) AS held", new { AgentId = agentId, Now = now });
    }
}
