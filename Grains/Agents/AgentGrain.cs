using Dapper;
using Npgsql;
using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Interfaces.Upstreams;
using Planekeeper.Grains.Upstreams;

namespace Planekeeper.Grains.Agents;

/// <summary>
/// One agent (docs/jobs.md, "Agents" and "How it is built"): what its heartbeats said, and the engines of the tasks it
/// holds. A timer marks it offline after three missed heartbeats and hands its tasks back at once. Claims and reports
/// pass through here, so the engines learn what the agent can run without trusting the request.
/// </summary>
[Reentrant]
[GrainType("planekeeper.agents.agent")]
public sealed class AgentGrain(NpgsqlDataSource database, AgentSettings settings, TimeProvider clock) : Grain, IAgentGrain
{
    private sealed class AgentRow
    {
        public long OrganizationId { get; init; }
        public long ApiKeyId { get; init; }
        public string[] Capabilities { get; init; } = [];
        public string[] CredentialNames { get; init; } = [];
        public DateTime LastHeartbeatAt { get; init; }
    }

    private const int MostSharedCompletionsPerClaim = 1_000;

    private readonly Dictionary<long, long> _taskOrganizations = new();
    private readonly Dictionary<long, string> _fetchesForAll = new();
    private ClaimingAgent? _agent;
    private long _apiKeyId;
    private DateTime _lastHeartbeatAt;
    private IGrainTimer? _offlineTimer;

    private long AgentId => this.GetPrimaryKeyLong();

    /// <summary>How long until the agent counts as offline, unless another heartbeat comes (zero or less: it is offline).</summary>
    private TimeSpan UntilOffline => _lastHeartbeatAt + settings.OfflineAfter - clock.GetUtcNow().UtcDateTime;

    private bool IsOnline => UntilOffline > TimeSpan.Zero;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AgentRow>(
            """
            SELECT organization_id AS OrganizationId, api_key_id AS ApiKeyId, capabilities,
                   ARRAY(SELECT c ->> 'name' FROM jsonb_array_elements(credentials) AS c) AS CredentialNames, last_heartbeat_at AS LastHeartbeatAt
              FROM agents WHERE id = @Id
            """,
            new { Id = AgentId });
        if (row is not null)
        {
            Remember(new ClaimingAgent(AgentId, row.OrganizationId, row.Capabilities, row.CredentialNames), row.ApiKeyId, row.LastHeartbeatAt);
        }
    }

    public Task BeatAsync(ClaimingAgent agent, long apiKeyId)
    {
        Remember(agent, apiKeyId, clock.GetUtcNow().UtcDateTime);
        return Task.CompletedTask;
    }

    public async Task<CommandResult<TaskAssignment?>> ClaimAsync(long apiKeyId, TimeSpan wait)
    {
        if (Refusal<TaskAssignment?>(apiKeyId) is { } refused)
        {
            return refused;
        }

        if (!IsOnline)
        {
            return CommandResult<TaskAssignment?>.Conflict($"agent {AgentId} is offline: send a heartbeat before claiming");
        }

        var agent = _agent!;
        if (agent.IsServerAgent)
        {
            return CommandResult<TaskAssignment?>.Ok(await ClaimAsServerAgentAsync(agent, wait));
        }

        var assignment = await GrainFactory.GetGrain<ITaskEngineGrain>(agent.OrganizationId).ClaimAsync(agent, wait);
        if (assignment is not null)
        {
            _taskOrganizations[assignment.TaskId] = assignment.OrganizationId;
        }

        return CommandResult<TaskAssignment?>.Ok(assignment);
    }

    /// <summary>
    /// A server agent's claim: a gather of a public upstream that another organization's job fetched since this run
    /// fell due is completed from the shared cache here, and the agent gets the next task instead; the first job of an
    /// upstream to be run fetches for all (its result fills the cache).
    /// </summary>
    private async Task<TaskAssignment?> ClaimAsServerAgentAsync(ClaimingAgent agent, TimeSpan wait)
    {
        for (var i = 0; i < MostSharedCompletionsPerClaim; i++)
        {
            var assignment = await GrainFactory.GetGrain<IServerDispatchGrain>(0).ClaimAsync(agent, i == 0 ? wait : TimeSpan.Zero);
            if (assignment is null)
            {
                return null;
            }

            _taskOrganizations[assignment.TaskId] = assignment.OrganizationId;
            if (SharedUpstreams.KeyOf(assignment) is not { } upstream)
            {
                return assignment;
            }

            if (await GrainFactory.GetGrain<IUpstreamGrain>(upstream).ShareAsync(assignment.DueAt ?? clock.GetUtcNow().UtcDateTime) is not { } shared)
            {
                _fetchesForAll[assignment.TaskId] = upstream;
                return assignment;
            }

            await GrainFactory.GetGrain<ITaskEngineGrain>(assignment.OrganizationId).CompleteAsync(
                AgentId, assignment.TaskId, new TaskResult(shared.Releases, null, null, Validators: shared.Validators), claimNext: null);
            _taskOrganizations.Remove(assignment.TaskId);
        }

        return null;
    }

    public Task<CommandResult<TaskLease>> RenewAsync(long apiKeyId, long taskId) =>
        OnEngineAsync(apiKeyId, taskId, engine => engine.RenewAsync(AgentId, taskId));

    /// <summary>A server agent's next task comes through the dispatcher (organizations take turns), not with the report.</summary>
    public async Task<CommandResult<TaskAssignment?>> CompleteAsync(long apiKeyId, long taskId, TaskResult result, bool claimNext)
    {
        var nextFromEngine = claimNext && _agent is { IsServerAgent: false } && IsOnline ? _agent : null;
        var completed = await OnEngineAsync(apiKeyId, taskId, engine => engine.CompleteAsync(AgentId, taskId, result, nextFromEngine), finishes: true);
        if (completed.Status == CommandStatus.Ok && _fetchesForAll.Remove(taskId, out var upstream))
        {
            await GrainFactory.GetGrain<IUpstreamGrain>(upstream).FillAsync(result.Releases, result.Unchanged, result.Validators);
        }

        if (completed is { Status: CommandStatus.Ok, Value: { } next })
        {
            _taskOrganizations[next.TaskId] = next.OrganizationId;
        }
        else if (completed.Status == CommandStatus.Ok && claimNext && nextFromEngine is null && IsOnline)
        {
            return CommandResult<TaskAssignment?>.Ok((await ClaimAsync(apiKeyId, TimeSpan.Zero)).Value);
        }

        return completed;
    }

    public Task<CommandResult<bool>> FailAsync(long apiKeyId, long taskId, TaskFailure failure)
    {
        _fetchesForAll.Remove(taskId);
        return OnEngineAsync(apiKeyId, taskId, engine => engine.FailAsync(AgentId, taskId, failure), finishes: true);
    }

    private async Task<CommandResult<T>> OnEngineAsync<T>(long apiKeyId, long taskId, Func<ITaskEngineGrain, Task<CommandResult<T>>> call, bool finishes = false)
    {
        if (Refusal<T>(apiKeyId) is { } refused)
        {
            return refused;
        }

        if (await OrganizationOfTaskAsync(taskId) is not { } organization)
        {
            return CommandResult<T>.NotFound($"agent {AgentId} never held task {taskId}");
        }

        var result = await call(GrainFactory.GetGrain<ITaskEngineGrain>(organization));
        if (finishes && result.Status == CommandStatus.Ok)
        {
            _taskOrganizations.Remove(taskId);
        }

        return result;
    }

    private void Remember(ClaimingAgent agent, long apiKeyId, DateTime lastHeartbeatAt)
    {
        _agent = agent;
        _apiKeyId = apiKeyId;
        _lastHeartbeatAt = lastHeartbeatAt;
        var dueIn = UntilOffline;
        if (dueIn <= TimeSpan.Zero)
        {
            return;
        }

        if (_offlineTimer is null)
        {
            _offlineTimer = this.RegisterGrainTimer(GoOfflineAsync, new GrainTimerCreationOptions(dueIn, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
        }
        else
        {
            _offlineTimer.Change(dueIn, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>No heartbeat for three intervals: every task the agent holds goes back to its engine's queue.</summary>
    private async Task GoOfflineAsync(CancellationToken cancellationToken)
    {
        if (UntilOffline is var remaining && remaining > TimeSpan.Zero)
        {
            // A heartbeat came meanwhile, or the timer fired a little early (its clock is not the wall clock): wait
            // out the rest, or the agent would never be taken offline if no heartbeat follows.
            _offlineTimer?.Change(remaining, Timeout.InfiniteTimeSpan);
            return;
        }

        _offlineTimer?.Dispose();
        _offlineTimer = null;
        var organizations = _taskOrganizations.Values.Concat(await OrganizationsWithOpenTasksAsync()).Distinct().ToList();
        _taskOrganizations.Clear();
        await Task.WhenAll(organizations.Select(organization => GrainFactory.GetGrain<ITaskEngineGrain>(organization).AgentOfflineAsync(AgentId)));
    }

    private CommandResult<T>? Refusal<T>(long apiKeyId) =>
        _agent is null || _apiKeyId != apiKeyId ? CommandResult<T>.NotFound($"no agent {AgentId} for this API key: send a heartbeat first") : null;

    private async Task<long?> OrganizationOfTaskAsync(long taskId)
    {
        if (_taskOrganizations.TryGetValue(taskId, out var organization))
        {
            return organization;
        }

        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<long?>(
            "SELECT organization_id FROM task_executions WHERE id = @TaskId AND agent_id = @AgentId", new { TaskId = taskId, AgentId });
    }

    private async Task<IEnumerable<long>> OrganizationsWithOpenTasksAsync()
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QueryAsync<long>(
            "SELECT DISTINCT organization_id FROM task_executions WHERE agent_id = @AgentId AND finished_at IS NULL", new { AgentId });
    }
}
