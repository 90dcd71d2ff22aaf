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
public sealed class AgentGrain(AgentStore store, AgentSettings settings, GrainReferences references, TimeProvider clock) : Grain, IAgentGrain
{
    private readonly HeldTasks _heldTasks = new();
    private readonly Dictionary<long, string> _fetchesForAll = new();
    private ClaimingAgent? _agent;
    private long _apiKeyId;
    private DateTime _lastHeartbeatAt;
    private IGrainTimer? _offlineTimer;

    private long AgentId => this.GetPrimaryKeyLong();

    /// <summary>How long until the agent counts as offline, unless another heartbeat comes (zero or less: it is offline).</summary>
    private TimeSpan UntilOffline => _lastHeartbeatAt + settings.OfflineAfter - Now;

    private bool IsOnline => UntilOffline > TimeSpan.Zero;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await store.LoadAsync(AgentId, cancellationToken) is { } row)
        {
            Remember(new ClaimingAgent(AgentId, row.OrganizationId, row.Capabilities, row.CredentialNames), row.ApiKeyId, row.LastHeartbeatAt);
        }
    }

    public Task BeatAsync(ClaimingAgent agent, long apiKeyId)
    {
        Remember(agent, apiKeyId, Now);
        return Task.CompletedTask;
    }

    public async Task<CommandResult<TaskAssignment?>> ClaimAsync(long apiKeyId, TimeSpan wait)
    {
        var claimed = await ClaimUpToAsync(apiKeyId, wait, 1);
        return claimed.Status == CommandStatus.Ok ? CommandResult<TaskAssignment?>.Ok(claimed.Value!.FirstOrDefault()) : claimed.Without<TaskAssignment?>();
    }

    public async Task<CommandResult<IReadOnlyList<TaskAssignment>>> ClaimUpToAsync(long apiKeyId, TimeSpan wait, int maxTasks)
    {
        if (ClaimRefusal<IReadOnlyList<TaskAssignment>>(apiKeyId, maxTasks) is { } refused)
        {
            return refused;
        }

        var agent = _agent!;
        if (agent.IsServerAgent)
        {
            return CommandResult<IReadOnlyList<TaskAssignment>>.Ok(await ClaimAsServerAgentAsync(agent, wait) is { } one ? [one] : []);
        }

        return CommandResult<IReadOnlyList<TaskAssignment>>.Ok(
            RememberHeld(await references.Get<ITaskEngineGrain>(agent.OrganizationId).ClaimUpToAsync(agent, wait, maxTasks)));
    }

    /// <summary>
    /// A task handed to a held wait later reaches the agent through its frontend, not through this grain: completing it
    /// finds its organization in <c>task_executions</c> (<see cref="HeldTasks"/> is only a cache).
    /// </summary>
    public async Task<CommandResult<ClaimOrHold>> ClaimOrHoldAsync(long apiKeyId, int maxTasks, HeldClaim held)
    {
        if (ClaimRefusal<ClaimOrHold>(apiKeyId, maxTasks) is { } refused)
        {
            return refused;
        }

        var agent = _agent!;
        if (agent.IsServerAgent)
        {
            return CommandResult<ClaimOrHold>.Ok(new(await ClaimAsServerAgentAsync(agent, held.Wait) is { } one ? [one] : [], Held: false));
        }

        var assignments = await references.Get<ITaskEngineGrain>(agent.OrganizationId).ClaimOrHoldAsync(agent, maxTasks, held);
        return CommandResult<ClaimOrHold>.Ok(new(RememberHeld(assignments), Held: assignments.Count == 0));
    }

    private CommandResult<T>? ClaimRefusal<T>(long apiKeyId, int maxTasks)
    {
        if (Refusal<T>(apiKeyId) is { } refused)
        {
            return refused;
        }

        if (maxTasks is < 1 or > TaskClaims.MaxTasks)
        {
            return CommandResult<T>.Invalid("max_tasks", $"max_tasks must be between 1 and {TaskClaims.MaxTasks}");
        }

        return IsOnline ? null : CommandResult<T>.Conflict($"agent {AgentId} is offline: send a heartbeat before claiming");
    }

    private IReadOnlyList<TaskAssignment> RememberHeld(IReadOnlyList<TaskAssignment> assignments)
    {
        foreach (var assignment in assignments)
        {
            Held(assignment);
        }

        return assignments;
    }

    /// <summary>
    /// A server agent's claim comes through the dispatcher (organizations take turns). The engines complete the due gathers
    /// the shared upstream cache serves themselves, so a gather of a public upstream handed out here must be fetched:
    /// its result fills the cache for all.
    /// </summary>
    private async Task<TaskAssignment?> ClaimAsServerAgentAsync(ClaimingAgent agent, TimeSpan wait)
    {
        var assignment = await references.Get<IServerDispatchGrain>(0).ClaimAsync(agent, wait);
        if (assignment is not null && SharedUpstreams.KeyOf(assignment) is { } upstream)
        {
            _fetchesForAll[assignment.TaskId] = upstream;
        }

        return Held(assignment);
    }

    private TaskAssignment? Held(TaskAssignment? assignment)
    {
        if (assignment is not null)
        {
            _heldTasks.Hold(assignment.TaskId, assignment.OrganizationId, assignment.LeaseExpiresAt, Now);
        }

        return assignment;
    }

    public async Task<CommandResult<TaskLease>> RenewAsync(long apiKeyId, long taskId)
    {
        var renewed = await OnEngineAsync(apiKeyId, taskId, engine => engine.RenewAsync(AgentId, taskId));
        if (renewed is { Status: CommandStatus.Ok, Value: { } lease })
        {
            _heldTasks.Renewed(taskId, lease.LeaseExpiresAt);
        }

        return renewed;
    }

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
            Held(next);
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

    /// <summary>
    /// A client agent's tasks are all its organization's: one engine call ends them and claims the next ones in the same
    /// write. A server agent's may span organizations (one call each); its next task comes through the dispatcher.
    /// </summary>
    public async Task<CommandResult<TaskReportAnswer>> ReportAsync(long apiKeyId, IReadOnlyList<FinishedTask> finished, int claimNext)
    {
        if (Refusal<TaskReportAnswer>(apiKeyId) is { } refused)
        {
            return refused;
        }

        if (finished.Count > TaskClaims.MaxReported)
        {
            return CommandResult<TaskReportAnswer>.Invalid("results", $"a report carries at most {TaskClaims.MaxReported} tasks");
        }

        if (claimNext is < 0 or > TaskClaims.MaxTasks)
        {
            return CommandResult<TaskReportAnswer>.Invalid("claim_next", $"claim_next must be between 0 and {TaskClaims.MaxTasks}");
        }

        var outcomes = new CommandResult<string>[finished.Count];
        var byOrganization = new Dictionary<long, List<int>>();
        for (var i = 0; i < finished.Count; i++)
        {
            if (await OrganizationOfTaskAsync(finished[i].TaskId) is { } organization)
            {
                byOrganization.TryAdd(organization, []);
                byOrganization[organization].Add(i);
            }
            else
            {
                outcomes[i] = CommandResult<string>.NotFound($"agent {AgentId} never held task {finished[i].TaskId}");
            }
        }

        var nextFromEngine = claimNext > 0 && _agent is { IsServerAgent: false } && IsOnline ? _agent : null;
        if (nextFromEngine is not null)
        {
            byOrganization.TryAdd(nextFromEngine.OrganizationId, []);
        }

        var answers = await Task.WhenAll(byOrganization.Select(async group => (Indexes: group.Value, Answer: await references.Get<ITaskEngineGrain>(group.Key)
            .ReportAsync(AgentId, group.Value.Select(i => finished[i]).ToList(), group.Key == nextFromEngine?.OrganizationId ? nextFromEngine : null, claimNext))));
        foreach (var (indexes, answer) in answers)
        {
            for (var j = 0; j < indexes.Count; j++)
            {
                outcomes[indexes[j]] = answer.Outcomes[j];
            }
        }

        await AfterReportAsync(finished, outcomes);
        var next = answers.SelectMany(group => group.Answer.NextTasks).ToList();
        next.ForEach(task => Held(task));
        if (claimNext > 0 && _agent is { IsServerAgent: true } && IsOnline)
        {
            next.AddRange((await ClaimUpToAsync(apiKeyId, TimeSpan.Zero, claimNext)).Value ?? []);
        }

        return CommandResult<TaskReportAnswer>.Ok(new TaskReportAnswer(outcomes, next));
    }

    /// <summary>The tasks taken are no longer held; a server agent's fetch of a public upstream fills the shared cache.</summary>
    private async Task AfterReportAsync(IReadOnlyList<FinishedTask> finished, CommandResult<string>[] outcomes)
    {
        for (var i = 0; i < finished.Count; i++)
        {
            if (outcomes[i].Status != CommandStatus.Ok)
            {
                continue;
            }

            _heldTasks.Release(finished[i].TaskId);
            if (_fetchesForAll.Remove(finished[i].TaskId, out var upstream) && finished[i].Result is { } result)
            {
                await GrainFactory.GetGrain<IUpstreamGrain>(upstream).FillAsync(result.Releases, result.Unchanged, result.Validators);
            }
        }
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

        var result = await call(references.Get<ITaskEngineGrain>(organization));
        if (finishes && result.Status == CommandStatus.Ok)
        {
            _heldTasks.Release(taskId);
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
        var organizations = _heldTasks.Organizations.Concat(await store.OrganizationsWithOpenTasksAsync(AgentId, Now)).Distinct().ToList();
        _heldTasks.Clear();
        await Task.WhenAll(organizations.Select(organization => references.Get<ITaskEngineGrain>(organization).AgentOfflineAsync(AgentId)));
    }

    private CommandResult<T>? Refusal<T>(long apiKeyId) =>
        _agent is null || _apiKeyId != apiKeyId ? CommandResult<T>.NotFound($"no agent {AgentId} for this API key: send a heartbeat first") : null;

    private async Task<long?> OrganizationOfTaskAsync(long taskId) =>
        _heldTasks.OrganizationOf(taskId, Now) ?? await store.OrganizationOfTaskAsync(AgentId, taskId, Now);
}
