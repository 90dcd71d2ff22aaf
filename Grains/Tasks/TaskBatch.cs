using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// A run ended: its row of <c>task_executions</c>, written once, with its start (docs/jobs.md, "Leases and recovery").
/// While it runs, the job's own row holds it (the lease: task id, agent, start, written with the claim).
/// <see cref="Outcome"/> is <c>succeeded</c>, <c>failed</c>, <c>retrying</c>, <c>lease_expired</c>, <c>agent_offline</c> or <c>reset</c>.
/// </summary>
public sealed record ExecutionEnded(long TaskId, JobRef Job, long AgentId, int Attempt, DateTime StartedAt, DateTime FinishedAt, string Outcome, string? Error)
{
    public long DurationMs => (long)(FinishedAt - StartedAt).TotalMilliseconds;
}

/// <summary>What a completed task found, to store with its completion.</summary>
public sealed record ResultToStore(JobRef Job, TaskResult Result, DateTime FoundAt, int HistoryLimit);

/// <summary>The new run state of one job, written only if the row still has <see cref="ExpectedRunVersion"/>.</summary>
public sealed record RunStateWrite(JobRef Job, int ExpectedRunVersion, JobRunState Run);

/// <summary>
/// Everything the engine changed since its last write, committed together in one transaction. A job changed
/// several times in between is written once, with its latest run.
/// </summary>
public sealed class TaskBatch : ICommitBatch
{
    private readonly Dictionary<JobRef, EngineJob> _changedJobs = new();

    public List<ExecutionEnded> Ended { get; } = [];

    public List<ResultToStore> Results { get; } = [];

    /// <summary>The write recomputes the organization's wake-up row (<see cref="EngineWakeUpRow"/>).</summary>
    public bool RecomputeWakeUp { get; set; }

    public bool IsEmpty => _changedJobs.Count == 0 && Ended.Count == 0 && Results.Count == 0 && !RecomputeWakeUp;

    /// <summary>Never: a job changed again while its batch waits must land in that batch, written once with its latest run.</summary>
    public bool IsFull => false;

    /// <summary>The jobs whose runs this batch writes.</summary>
    public IEnumerable<JobRef> Jobs => _changedJobs.Keys;

    /// <summary>Marks the job's run for writing; true when the batch did not hold the job yet.</summary>
    public bool Changed(EngineJob job)
    {
        var added = !_changedJobs.ContainsKey(job.Ref);
        _changedJobs[job.Ref] = job;
        return added;
    }

    /// <summary>The job's row is gone: nothing of it is to be written. True when the batch held its run.</summary>
    public bool Forget(JobRef job)
    {
        Results.RemoveAll(result => result.Job == job);
        return _changedJobs.Remove(job);
    }

    /// <summary>
    /// Takes the jobs' current runs for writing and advances their expected versions, so that changes made while
    /// this batch is being written go into the next one.
    /// </summary>
    public IReadOnlyList<RunStateWrite> TakeRunWrites()
    {
        var writes = _changedJobs.Values.Select(job => new RunStateWrite(job.Ref, job.PersistedRunVersion++, job.Run)).ToList();
        _changedJobs.Clear();
        return writes;
    }
}
