using Planekeeper.Bench.JobPipeline;

namespace Planekeeper.Bench.Agents;

/// <summary>
/// The busy agents: one organization whose queue of gather jobs (no schedule, all due, seeded with SQL before its engine
/// activates) does not run dry, and agents with a key each that loop claim → complete, claiming as the Agent program does
/// (long-polling up to 25 s, answered at once while jobs are due) and completing without <c>claim_next</c>, so that every
/// job is claimed by a claim request whose round trip is timed.
/// </summary>
public sealed class BusyAgents(PlanekeeperOrganization organization, IReadOnlyList<string> apiKeys)
{
    public static async Task<BusyAgents> CreateAsync(IGrainFactory grains, BenchDatabase database, long ownerUserId, int agents, int queuedJobs)
    {
        var organization = await PlanekeeperOrganization.CreateAsync(grains, ownerUserId, "busy site");
        var more = await FleetSeed.KeysAsync(grains, ownerUserId, organization.Id, agents - 1);
        await organization.SeedGatherJobsAsync(database, queuedJobs);
        return new BusyAgents(organization, [organization.ApiKey, .. more.Select(key => key.Key)]);
    }

    public long OrganizationId => organization.Id;

    /// <summary>
    /// Every agent heartbeats (again: a figure's agents must be online at the default interval, offline after 45 s) and
    /// returns as a worker for <see cref="PipelineRun"/>.
    /// </summary>
    public Task<IJobWorker[]> HeartbeatAsync(HttpClient http) => Task.WhenAll(apiKeys.Select((key, i) =>
        HttpAgent.HeartbeatAsync(http, organization with { ApiKey = key }, $"busy-agent-{i + 1}", claimNext: false, waitSeconds: IdleAgent.WaitSeconds)));
}
