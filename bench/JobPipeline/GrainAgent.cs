using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// An agent calling its <see cref="IAgentGrain"/> directly, as the frontend does for each Agent API request. With
/// <c>claimNext</c> it completes with <c>claim_next</c>, as the Agent program does, and works on the task that came
/// with the answer instead of claiming again.
/// </summary>
public sealed class GrainAgent : IJobWorker
{
    /// <summary>What every run reports: one release.</summary>
    public static readonly TaskResult OneRelease = new([new FoundRelease("v1", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), false, null, null)], null, null);

    private readonly IAgentGrain _agent;
    private readonly long _apiKeyId;
    private readonly bool _claimNext;
    private long _taskId;
    private TaskAssignment? _next;

    private GrainAgent(IAgentGrain agent, long apiKeyId, bool claimNext)
    {
        _agent = agent;
        _apiKeyId = apiKeyId;
        _claimNext = claimNext;
    }

    /// <summary>Heartbeats once (which registers the agent) and returns it.</summary>
    public static async Task<IJobWorker> HeartbeatAsync(IGrainFactory grains, PlanekeeperOrganization organization, string name, bool claimNext)
    {
        var registration = await grains.GetGrain<IAgentDirectoryGrain>(0).HeartbeatAsync(organization.ApiKeyId, organization.Id, new AgentHeartbeat(name, "bench", null, null));
        var agentId = registration.OrThrow("heartbeat").AgentId;
        return new GrainAgent(grains.GetGrain<IAgentGrain>(agentId), organization.ApiKeyId, claimNext);
    }

    public async Task<int> ClaimAsync()
    {
        var assignment = _next ?? (await _agent.ClaimAsync(_apiKeyId, TimeSpan.Zero)).OrThrow("claim");
        _next = null;
        if (assignment is null)
        {
            return 0;
        }

        _taskId = assignment.TaskId;
        return 1;
    }

    public async Task CompleteAsync() => _next = (await _agent.CompleteAsync(_apiKeyId, _taskId, OneRelease, _claimNext)).OrThrow("complete");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
