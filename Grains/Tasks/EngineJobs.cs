using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// One organization's jobs in memory, indexed the ways the engine asks: due queue (oldest next run first),
/// jobs waiting for their next run time, leases by expiry and by task id. Every change of a job's run goes
/// through <see cref="SetRun"/> so the indexes never drift.
/// </summary>
public sealed class EngineJobs
{
    private readonly Dictionary<JobRef, EngineJob> _all = new();
    private readonly TimeOrderedSet<EngineJob> _queued = new();
    private readonly TimeOrderedSet<EngineJob> _waiting = new();
    private readonly TimeOrderedSet<EngineJob> _leases = new();
    private readonly Dictionary<long, EngineJob> _byTask = new();

    public int Count => _all.Count;

    public IEnumerable<EngineJob> All => _all.Values;

    /// <summary>Queued jobs a server agent may run (they name no credential).</summary>
    public int ServerClaimable { get; private set; }

    /// <summary>When the engine next has something to do: a job falls due or a lease expires.</summary>
    public DateTime? NextWakeAt => Earliest(_waiting.EarliestAt, _leases.EarliestAt);

    /// <summary>Runnable jobs are queued, or jobs are running: the engine has work now.</summary>
    public bool HasQueuedOrRunning => _queued.Count > 0 || _leases.Count > 0;

    public EngineJob? Get(JobRef job) => _all.GetValueOrDefault(job);

    public EngineJob? ByTask(long taskId) => _byTask.GetValueOrDefault(taskId);

    public void Add(EngineJob job)
    {
        _all.Add(job.Ref, job);
        Index(job);
    }

    public void Remove(EngineJob job)
    {
        Unindex(job);
        _all.Remove(job.Ref);
    }

    public void SetRun(EngineJob job, JobRunState run)
    {
        Unindex(job);
        job.Run = run;
        Index(job);
    }

    public void SetDefinition(EngineJob job, JobDefinitionForTasks definition)
    {
        Unindex(job);
        job.Definition = definition;
        Index(job);
    }

    /// <summary>The oldest queued job this agent can run.</summary>
    public EngineJob? FirstClaimableBy(ClaimingAgent agent) => _queued.InOrder.FirstOrDefault(job => job.Definition.Needs.CanBeRunBy(agent));

    public IEnumerable<EngineJob> QueuedInOrder => _queued.InOrder;

    public List<EngineJob> DueBy(DateTime now) => _waiting.AtOrBefore(now);

    public List<EngineJob> LeasesExpiredBy(DateTime now) => _leases.AtOrBefore(now);

    public List<EngineJob> HeldBy(long agentId) => _byTask.Values.Where(job => job.Run.HeldLease.AgentId == agentId).ToList();

    public List<EngineJob> StartedBefore(DateTime time) => _byTask.Values.Where(job => job.Run.HeldLease.StartedAt < time).ToList();

    public IEnumerable<long> LeaseHolders => _byTask.Values.Select(job => job.Run.HeldLease.AgentId).Distinct();

    private void Index(EngineJob job)
    {
        var run = job.Run;
        if (run.Lease is { } lease)
        {
            _leases.Add(job, lease.ExpiresAt);
            _byTask.Add(lease.TaskId, job);
        }

        if (!job.Definition.Runnable)
        {
            return;
        }

        if (run.IsQueued)
        {
            _queued.Add(job, run.NextRunAt ?? DateTime.MinValue);
            ServerClaimable += job.Definition.Needs.CredentialName is null ? 1 : 0;
        }
        else if (run.IsWaiting)
        {
            _waiting.Add(job, run.NextRunAt!.Value);
        }
    }

    private void Unindex(EngineJob job)
    {
        if (_queued.Remove(job))
        {
            ServerClaimable -= job.Definition.Needs.CredentialName is null ? 1 : 0;
        }

        _waiting.Remove(job);
        if (_leases.Remove(job))
        {
            _byTask.Remove(job.Run.HeldLease.TaskId);
        }
    }

    private static DateTime? Earliest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
