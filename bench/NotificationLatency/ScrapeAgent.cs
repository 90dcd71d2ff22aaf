using System.Diagnostics;
using Planekeeper.Bench.JobPipeline;
using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Bench.NotificationLatency;

/// <summary>
/// An agent calling its grain as the frontend does for each Agent API request: it runs the gather job (three
/// releases), then completes scrape jobs with version 1.0.0 (two majors behind: every completion raises an alert),
/// each report claiming the next task as the Agent program's does, noting when each completion was sent.
/// </summary>
public sealed class ScrapeAgent(IAgentGrain agent, long apiKeyId)
{
    private static readonly TaskResult Releases = new(
        new[] { "1.0.0", "2.0.0", "3.0.0" }.Select(v => new FoundRelease(v, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), false, null, null)).ToList(), null, null);

    private static readonly TaskResult Deployed = new(null, new FoundVersion("1.0.0", "bench"), null);

    private TaskAssignment? _next;

    public static async Task<ScrapeAgent> HeartbeatAsync(IGrainFactory grains, PlanekeeperOrganization organization, string name)
    {
        var registration = (await grains.GetGrain<IAgentDirectoryGrain>(0).HeartbeatAsync(
            organization.ApiKeyId, organization.Id, new AgentHeartbeat(name, "bench", null, null))).OrThrow("heartbeat");
        return new ScrapeAgent(grains.GetGrain<IAgentGrain>(registration.AgentId), organization.ApiKeyId);
    }

    /// <summary>Claims the gather job (the oldest job) and completes it with the releases.</summary>
    public async Task GatherAsync()
    {
        var task = (await agent.ClaimAsync(apiKeyId, TimeSpan.FromSeconds(5))).OrThrow("claim the gather job")
            ?? throw new InvalidOperationException("no job to claim");
        if (task.Kind != "gather_job")
        {
            throw new InvalidOperationException($"expected the gather job first, got a {task.Kind}");
        }

        (await agent.CompleteAsync(apiKeyId, task.TaskId, Releases, claimNext: false)).OrThrow("complete the gather job");
    }

    /// <summary>
    /// Completes the task in hand (claimed with the previous report, as the Agent program does with <c>claim_next</c>,
    /// or claimed now the first time) and takes the next one with the report; returns the job and the time (Stopwatch
    /// ticks) it was completed, or null when none is left.
    /// </summary>
    public async Task<(long JobId, long CompletedAt)?> CompleteNextAsync()
    {
        if ((_next ?? (await agent.ClaimAsync(apiKeyId, TimeSpan.Zero)).Value) is not { } task)
        {
            return null;
        }

        var completedAt = Stopwatch.GetTimestamp();
        _next = (await agent.CompleteAsync(apiKeyId, task.TaskId, Deployed, claimNext: true)).OrThrow("complete a scrape job");
        return (task.JobId, completedAt);
    }
}
