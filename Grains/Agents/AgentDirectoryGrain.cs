using System.Text.Json;
using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Jobs;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Agents;

/// <summary>
/// Heartbeats (the <c>agents</c> rows), the agents list and summary. Reentrant: a stateless worker runs on at most one
/// activation per core, so without it a silo served one heartbeat per core at a time — ten thousand agents beating
/// every 15 s (667/s) queued here until their calls expired. Heartbeats are group-committed: those that come within
/// <see cref="HeartbeatWindow"/> of each other, or while a write is in flight, are written together in one statement,
/// each answered once its own write is durable (bench/README.md, "Agents"). Its only state is that open batch.
/// </summary>
[StatelessWorker]
[Reentrant]
[GrainType("planekeeper.agents.directory")]
public sealed class AgentDirectoryGrain(AgentStore store, AgentSettings settings, TimeProvider clock) : Grain, IAgentDirectoryGrain
{
    /// <summary>
    /// How long heartbeats gather before their write. Without it a quiet database took one write per heartbeat (667 a
    /// second for ten thousand agents); an agent waits this much longer for an answer it needs only every 15 s.
    /// </summary>
    public static readonly TimeSpan HeartbeatWindow = TimeSpan.FromMilliseconds(50);

    private readonly GroupCommit<HeartbeatBatch> _heartbeats = new(batch => store.SaveHeartbeatsAsync(batch.Heartbeats));
    private readonly CommitWindow _window = new(() => Task.Delay(HeartbeatWindow));

    public async Task<CommandResult<AgentRegistration>> HeartbeatAsync(long apiKeyId, long organizationId, AgentHeartbeat heartbeat)
    {
        var validated = HeartbeatValidator.Validate(heartbeat);
        if (!validated.IsValid)
        {
            return CommandResult<AgentRegistration>.Invalid(validated.Errors);
        }

        var agent = validated.Value!;
        var saved = _heartbeats.Open.Add(organizationId, apiKeyId, agent, clock.GetUtcNow().UtcDateTime);
        await _window.CommitAsync(_heartbeats.CommitAsync, _heartbeats.OpenWritten);
        var id = saved.AgentId;
        await GrainFactory.GetGrain<IAgentGrain>(id).BeatAsync(
            new ClaimingAgent(id, organizationId, agent.Capabilities, agent.Credentials.Select(c => c.Name!).ToList()), apiKeyId);
        return CommandResult<AgentRegistration>.Ok(new AgentRegistration(id, (int)settings.HeartbeatInterval.TotalSeconds, organizationId));
    }

    public async Task<AgentSummary> SummaryAsync(long organizationId)
    {
        var agents = await ListAsync(organizationId);
        var serverAgents = organizationId == ClaimingAgent.GlobalOrganizationId ? [] : await ListAsync(ClaimingAgent.GlobalOrganizationId);
        var queued = await store.QueuedJobsAsync(organizationId);
        // Server agents run any organization's jobs that need no credential, so they count without their credentials.
        var online = agents.Where(agent => agent.Status == "online")
            .Select(agent => new OnlineAgent(agent.Id, agent.Capabilities, agent.Credentials.Select(c => c.Name!).ToList()))
            .Concat(serverAgents.Where(agent => agent.Status == "online").Select(agent => new OnlineAgent(agent.Id, agent.Capabilities, [])))
            .ToList();
        var gaps = AgentCoverage.Gaps(queued.Select(job => new QueuedJob(job.Kind, job.Id, job.Name, JobKind.Of(job.Kind).Capability, job.CredentialName)), online);
        return new AgentSummary(online.Count, agents.Count - online.Count, queued.Count,
            gaps.Select(gap => new UncoveredJob(gap.Kind, gap.JobId, gap.JobName, gap.Reason)).ToList());
    }

    public async Task<IReadOnlyList<AgentOverview>> ListEverywhereAsync()
    {
        var offlineBefore = clock.GetUtcNow().UtcDateTime - settings.OfflineAfter;
        return (await store.ListEverywhereAsync(clock.GetUtcNow().UtcDateTime)).Select(row => new AgentOverview(
            row.Id, row.Name, row.OrganizationId == ClaimingAgent.GlobalOrganizationId ? AgentOverview.ServerKind : AgentOverview.OrganizationKind,
            row.OrganizationId, row.OrganizationName, row.Version, Status(row.LastHeartbeatAt, offlineBefore), row.LastHeartbeatAt, row.CreatedAt,
            row.RunningJobs)).ToList();
    }

    /// <summary>Online when the last heartbeat came within AGENT_OFFLINE_AFTER: the one rule of every agents list.</summary>
    private static string Status(DateTime lastHeartbeatAt, DateTime offlineBefore) => lastHeartbeatAt > offlineBefore ? "online" : "offline";

    public async Task<IReadOnlyList<AgentRecord>> ListAsync(long organizationId)
    {
        var running = await store.RunningTasksAsync(organizationId, clock.GetUtcNow().UtcDateTime);
        var rows = await store.ListAsync(organizationId);
        var offlineBefore = clock.GetUtcNow().UtcDateTime - settings.OfflineAfter;
        return rows.Select(row => new AgentRecord(
            row.Id, row.OrganizationId, row.ApiKeyId, row.Name, row.Version, Status(row.LastHeartbeatAt, offlineBefore),
            row.Capabilities, JsonSerializer.Deserialize<List<AgentCredential>>(row.Credentials, JsonSerializerOptions.Web)!, row.LastHeartbeatAt, row.CreatedAt,
            running[row.Id].Select(task => new RunningTask(task.TaskId, task.OrganizationId, task.JobKind, task.JobId, task.StartedAt)).ToList(),
            JsonSerializer.Deserialize<Dictionary<string, UpstreamRateLimit>>(row.RateLimits, JsonSerializerOptions.Web)!)).ToList();
    }
}
