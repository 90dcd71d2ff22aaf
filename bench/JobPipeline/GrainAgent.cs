using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>An agent calling its <see cref="IAgentGrain"/> directly, as the frontend does for each Agent API request.</summary>
public sealed class GrainAgent : IJobWorker
{
    /// <summary>What every run reports: one release.</summary>
    public static readonly TaskResult OneRelease = new([new FoundRelease("v1", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), false, null, null)], null, null);

    private readonly IAgentGrain _agent;
    private readonly long _apiKeyId;
    private long _taskId;

    private GrainAgent(IAgentGrain agent, long apiKeyId)
    {
        _agent = agent;
        _apiKeyId = apiKeyId;
    }

    /// <summary>Heartbeats once (which registers the agent) and returns it.</summary>
    public static async Task<IJobWorker> HeartbeatAsync(IGrainFactory grains, PlanekeeperOrganization organization, string name)
    {
        var registration = await grains.GetGrain<IAgentsGrain>(0).HeartbeatAsync(organization.ApiKeyId, organization.Id, new AgentHeartbeat(name, "bench", null, null));
        var agentId = Ok(registration, "heartbeat")!.AgentId;
        return new GrainAgent(grains.GetGrain<IAgentGrain>(agentId), organization.ApiKeyId);
    }

    public async Task<int> ClaimAsync()
    {
        if (Ok(await _agent.ClaimAsync(_apiKeyId, TimeSpan.Zero), "claim") is not { } assignment)
        {
            return 0;
        }

        _taskId = assignment.TaskId;
        return 1;
    }

    public async Task CompleteAsync() => Ok(await _agent.CompleteAsync(_apiKeyId, _taskId, OneRelease), "complete");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static T? Ok<T>(CommandResult<T> result, string what) =>
        result.Status == CommandStatus.Ok ? result.Value : throw new InvalidOperationException($"{what}: {result.Status} {result.Detail}");
}
