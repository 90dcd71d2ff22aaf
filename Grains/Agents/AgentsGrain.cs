using System.Text.Json;
using Dapper;
using Npgsql;
using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Tasks;

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
        public string RateLimits { get; init; } = "{}";
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
            INSERT INTO agents (organization_id, api_key_id, name, version, capabilities, credentials, rate_limits, last_heartbeat_at)
            VALUES (@OrganizationId, @ApiKeyId, @Name, @Version, @Capabilities, CAST(@Credentials AS jsonb), CAST(@RateLimits AS jsonb), @Now)
            ON CONFLICT (api_key_id, name) DO UPDATE
               SET version = EXCLUDED.version, capabilities = EXCLUDED.capabilities, credentials = EXCLUDED.credentials,
                   rate_limits = CASE WHEN EXCLUDED.rate_limits = '{}' THEN agents.rate_limits ELSE EXCLUDED.rate_limits END,
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
                RateLimits = JsonSerializer.Serialize(agent.RateLimits, JsonSerializerOptions.Web),
                Now = clock.GetUtcNow().UtcDateTime,
            });
        await GrainFactory.GetGrain<IAgentGrain>(id).BeatAsync(
            new ClaimingAgent(id, organizationId, agent.Capabilities, agent.Credentials.Select(c => c.Name!).ToList()), apiKeyId);
        return CommandResult<AgentRegistration>.Ok(new AgentRegistration(id, (int)settings.HeartbeatInterval.TotalSeconds, organizationId));
    }

    private sealed class QueuedJobRow
    {
        public string Kind { get; init; } = "";
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string? CredentialName { get; init; }
    }

    private static readonly Dictionary<string, string> CapabilityOfKind = new()
    {
        ["gather_job"] = "gather", ["scrape_job"] = "scrape", ["helm_sync_job"] = "helm_sync",
    };

    public async Task<AgentSummary> SummaryAsync(long organizationId)
    {
        var agents = await ListAsync(organizationId);
        var serverAgents = organizationId == ClaimingAgent.GlobalOrganizationId ? [] : await ListAsync(ClaimingAgent.GlobalOrganizationId);
        await using var connection = await database.OpenConnectionAsync();
        var queued = (await connection.QueryAsync<QueuedJobRow>(
            """
            SELECT 'gather_job' AS Kind, id, name, credential_name AS CredentialName FROM gather_jobs WHERE organization_id = @OrganizationId AND status = 'queued'
            UNION ALL
            SELECT 'scrape_job', id, name, credential_name FROM scrape_jobs WHERE organization_id = @OrganizationId AND status = 'queued'
            UNION ALL
            SELECT 'helm_sync_job', id, name, credential_name FROM helm_sync_jobs WHERE organization_id = @OrganizationId AND status = 'queued'
            ORDER BY 1, 2
            """,
            new { OrganizationId = organizationId })).ToList();
        // Server agents run any organization's jobs that need no credential, so they count without their credentials.
        var online = agents.Where(agent => agent.Status == "online")
            .Select(agent => new OnlineAgent(agent.Id, agent.Capabilities, agent.Credentials.Select(c => c.Name!).ToList()))
            .Concat(serverAgents.Where(agent => agent.Status == "online").Select(agent => new OnlineAgent(agent.Id, agent.Capabilities, [])))
            .ToList();
        var gaps = AgentCoverage.Gaps(queued.Select(job => new QueuedJob(job.Kind, job.Id, job.Name, CapabilityOfKind[job.Kind], job.CredentialName)), online);
        return new AgentSummary(online.Count, agents.Count - online.Count, queued.Count,
            gaps.Select(gap => new UncoveredJob(gap.Kind, gap.JobId, gap.JobName, gap.Reason)).ToList());
    }

    private sealed class RunningTaskRow
    {
        public long AgentId { get; init; }
        public long TaskId { get; init; }
        public long OrganizationId { get; init; }
        public string JobKind { get; init; } = "";
        public long JobId { get; init; }
        public DateTime StartedAt { get; init; }
    }

    public async Task<IReadOnlyList<AgentRecord>> ListAsync(long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var running = (await connection.QueryAsync<RunningTaskRow>(
            """
            SELECT t.agent_id AS AgentId, t.id AS TaskId, t.organization_id AS OrganizationId, t.job_kind AS JobKind, t.job_id AS JobId, t.started_at AS StartedAt
              FROM task_executions t JOIN agents a ON a.id = t.agent_id
             WHERE a.organization_id = @OrganizationId AND t.finished_at IS NULL
             ORDER BY t.id
            """,
            new { OrganizationId = organizationId })).ToLookup(task => task.AgentId);
        var rows = await connection.QueryAsync<AgentRow>(
            """
            SELECT id, organization_id AS OrganizationId, api_key_id AS ApiKeyId, name, version, capabilities,
                   credentials::text AS Credentials, rate_limits::text AS RateLimits, last_heartbeat_at AS LastHeartbeatAt, created_at AS CreatedAt
              FROM agents WHERE organization_id = @OrganizationId ORDER BY id
            """,
            new { OrganizationId = organizationId });
        var offlineBefore = clock.GetUtcNow().UtcDateTime - settings.OfflineAfter;
        return rows.Select(row => new AgentRecord(
            row.Id, row.OrganizationId, row.ApiKeyId, row.Name, row.Version, row.LastHeartbeatAt > offlineBefore ? "online" : "offline",
            row.Capabilities, JsonSerializer.Deserialize<List<AgentCredential>>(row.Credentials, JsonSerializerOptions.Web)!, row.LastHeartbeatAt, row.CreatedAt,
            running[row.Id].Select(task => new RunningTask(task.TaskId, task.OrganizationId, task.JobKind, task.JobId, task.StartedAt)).ToList(),
            JsonSerializer.Deserialize<Dictionary<string, UpstreamRateLimit>>(row.RateLimits, JsonSerializerOptions.Web)!)).ToList();
    }
}
