using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Interfaces.Upstreams;
using Planekeeper.Grains.Upstreams;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// A server agent's claims (docs/jobs.md, "Server agents"): due gathers of a public upstream that a server agent
/// fetched since they fell due are completed here from the shared cache, in batches, and the claim gets the first job
/// that must really run. Each batch asks its distinct upstreams at once and writes its completions in one commit, so a
/// claim costs a few round trips however many gathers the cache serves. A suspended organization has nothing for them.
/// </summary>
public sealed partial class TaskEngineGrain
{
    /// <summary>The first batch is small (usually the cache serves none); each next one is this many times larger.</summary>
    private const int FirstSharedBatch = 8;
    private const int SharedBatchGrowth = 8;
    private const int MostPerSharedBatch = 1_000;

    /// <summary>A claim gives up (and answers nothing, more to come) after this many batches, if jobs keep racing in.</summary>
    private const int MostSharedBatchesPerClaim = 32;

    private const int UpstreamsAskedAtOnce = 16;

    /// <summary>Jobs whose upstreams a claim is asking right now: other claims leave them alone, so no save is counted twice.</summary>
    private readonly HashSet<EngineJob> _sharing = [];

    public Task<ServerClaim> ClaimForServerAgentAsync(ClaimingAgent agent) => ServeServerAgentAsync(agent, handOut: true);

    public async Task<bool> CompleteSharedGathersAsync(ClaimingAgent agent) => (await ServeServerAgentAsync(agent, handOut: false)).HasMore;

    /// <summary>
    /// Completes the due gathers the cache serves, batch after batch, until the oldest job left must really run; hands
    /// that one out when <paramref name="handOut"/>. Each batch either settles its oldest job or finds it changed by
    /// another call meanwhile, so the loop ends; the bound only guards against jobs racing in without end.
    /// </summary>
    private async Task<ServerClaim> ServeServerAgentAsync(ClaimingAgent agent, bool handOut)
    {
        ThrowIfBroken();
        if (await GrainFactory.GetGrain<IOrganizationGrain>(OrganizationId).GetSuspensionAsync() is not null)
        {
            // Nothing for server agents while suspended; lifting the suspension offers the organization again.
            return new ServerClaim(null, false);
        }

        var mustRun = new HashSet<EngineJob>();
        var size = FirstSharedBatch;
        for (var batch = 0; batch < MostSharedBatchesPerClaim; batch++, size = Math.Min(size * SharedBatchGrowth, MostPerSharedBatch))
        {
            await EnsureTaskIdsAsync(size + 1);
            if (FirstNotBeingShared(agent) is not { } first)
            {
                break;
            }

            if (mustRun.Contains(first) || UpstreamOf(first) is null)
            {
                var assignment = handOut ? HandOut(first, agent, _writes.Reports) : null;
                AfterChanges();
                await _writes.AllWrittenAsync();
                return new ServerClaim(assignment, _jobs.ServerClaimable > 0);
            }

            var candidates = SharedCandidates(agent, size, mustRun);
            var jobs = candidates.Select(candidate => candidate.Job).ToList();
            _sharing.UnionWith(jobs);
            try
            {
                CompleteFromCache(agent, candidates, await AskUpstreamsAsync(candidates), mustRun);
            }
            finally
            {
                _sharing.ExceptWith(jobs);
            }

            AfterChanges();
        }

        await _writes.AllWrittenAsync();
        return new ServerClaim(null, _jobs.ServerClaimable > 0);
    }

    private EngineJob? FirstNotBeingShared(ClaimingAgent agent) =>
        _jobs.QueuedInOrder.FirstOrDefault(job => job.Definition.Needs.CanBeRunBy(agent) && !_sharing.Contains(job));

    /// <summary>The queued jobs this agent can run, oldest first, that may share a fetch and were not yet found to need one.</summary>
    private List<SharedCandidate> SharedCandidates(ClaimingAgent agent, int size, HashSet<EngineJob> mustRun) =>
        _jobs.QueuedInOrder
            .Where(job => job.Definition.Needs.CanBeRunBy(agent) && !mustRun.Contains(job) && !_sharing.Contains(job))
            .Select(job => UpstreamOf(job) is { } upstream ? new SharedCandidate(job, job.RunChanges, job.Definition, upstream, job.Run.NextRunAt ?? Now) : null)
            .OfType<SharedCandidate>()
            .Take(size)
            .ToList();

    private async Task<Dictionary<string, SharedUpstream?>> AskUpstreamsAsync(List<SharedCandidate> candidates)
    {
        var answers = new Dictionary<string, SharedUpstream?>();
        var asking = new List<Task>();
        try
        {
            foreach (var upstream in candidates.GroupBy(candidate => candidate.Upstream, candidate => candidate.DueAt))
            {
                if (asking.Count == UpstreamsAskedAtOnce)
                {
                    var done = await Task.WhenAny(asking);
                    asking.Remove(done);
                    await done;
                }

                asking.Add(AskAsync(upstream.Key, upstream.ToList()));
            }
        }
        finally
        {
            await Task.WhenAll(asking);
        }

        return answers;

        async Task AskAsync(string upstream, List<DateTime> dueAts) =>
            answers[upstream] = await GrainFactory.GetGrain<IUpstreamGrain>(upstream).ShareAsync(dueAts);
    }

    /// <summary>
    /// Each candidate the cache serves runs and succeeds at once as the agent's task; the others must be fetched. A job
    /// another call changed meanwhile (claimed, run now, redefined, deleted) is left alone.
    /// </summary>
    private void CompleteFromCache(ClaimingAgent agent, List<SharedCandidate> candidates, Dictionary<string, SharedUpstream?> cached, HashSet<EngineJob> mustRun)
    {
        foreach (var (job, runChanges, definition, upstream, dueAt) in candidates)
        {
            if (_jobs.Get(job.Ref) != job || job.RunChanges != runChanges || !ReferenceEquals(job.Definition, definition))
            {
                continue;
            }

            if (cached[upstream] is not { } shared || !shared.Serves(dueAt))
            {
                mustRun.Add(job);
                continue;
            }

            var result = new TaskResult(shared.Releases, null, null, Validators: shared.Validators);
            if (TaskResultValidator.Validate(job.Ref.Kind, result) is not null)
            {
                mustRun.Add(job);
            }
            else if (_taskIds.Count > 0)
            {
                HandOut(job, agent, _writes.Reports);
                Succeed(job, result);
            }
        }
    }

    private static string? UpstreamOf(EngineJob job) => SharedUpstreams.KeyOf(job.Ref.Kind, job.Definition.JobJson);

    /// <summary>A job as it was when its upstream was asked: its run and definition, to see whether it changed meanwhile.</summary>
    private sealed record SharedCandidate(EngineJob Job, int RunChanges, JobDefinitionForTasks Definition, string Upstream, DateTime DueAt);
}
