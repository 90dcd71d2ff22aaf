using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// An agent calling its <see cref="IAgentGrain"/> directly, as the frontend does for each Agent API request. Like the
/// Agent program it has <c>slots</c>: it claims with <c>max_tasks</c> = its free slots and reports what it holds
/// together, in one <see cref="IAgentGrain.ReportAsync"/> call (as <c>POST /api/v1/agent/tasks/report</c> does). With
/// <c>claimNext</c> the report claims up to its slots' next tasks and the agent works on those, claiming only for the
/// slots that got none.
/// </summary>
public sealed class GrainAgent : IJobWorker
{
    /// <summary>What every run reports: one release.</summary>
    public static readonly TaskResult OneRelease = new([new FoundRelease("v1", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), false, null, null)], null, null);

    private readonly IAgentGrain _agent;
    private readonly long _apiKeyId;
    private readonly bool _claimNext;
    private readonly int _slots;
    private List<long> _held = [];

    private GrainAgent(IAgentGrain agent, long apiKeyId, bool claimNext, int slots)
    {
        _agent = agent;
        _apiKeyId = apiKeyId;
        _claimNext = claimNext;
        _slots = slots;
    }

    /// <summary>Heartbeats once (which registers the agent) and returns it.</summary>
    public static async Task<IJobWorker> HeartbeatAsync(IGrainFactory grains, PlanekeeperOrganization organization, string name, bool claimNext, int slots)
    {
        var registration = await grains.GetGrain<IAgentDirectoryGrain>(0).HeartbeatAsync(organization.ApiKeyId, organization.Id, new AgentHeartbeat(name, "bench", null, null));
        var agentId = registration.OrThrow("heartbeat").AgentId;
        return new GrainAgent(grains.GetGrain<IAgentGrain>(agentId), organization.ApiKeyId, claimNext, slots);
    }

    public async Task<int> ClaimAsync()
    {
        if (_held.Count < _slots)
        {
            var claimed = (await _agent.ClaimUpToAsync(_apiKeyId, TimeSpan.Zero, _slots - _held.Count)).OrThrow("claim");
            _held.AddRange(claimed.Select(task => task.TaskId));
        }

        return _held.Count;
    }

    public async Task CompleteAsync()
    {
        var finished = _held.Select(taskId => new FinishedTask(taskId, OneRelease, null)).ToList();
        var answer = (await _agent.ReportAsync(_apiKeyId, finished, _claimNext ? _slots : 0)).OrThrow("report");
        if (answer.Outcomes.FirstOrDefault(outcome => outcome.Status != Planekeeper.Grains.Interfaces.Common.CommandStatus.Ok) is { } refused)
        {
            throw new InvalidOperationException($"report: a task was not taken: {refused.Detail}");
        }

        _held = answer.NextTasks.Select(task => task.TaskId).ToList();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
