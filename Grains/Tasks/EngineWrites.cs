using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// A task engine's two write lanes (docs/jobs.md, "How it is built"), each a group commit of its own on its own
/// connection: agents' claims go to <see cref="Claims"/>, everything else to <see cref="Reports"/>, so a claim does
/// not wait behind a write of completions and their results that is in flight. A job whose change sits in a lane's
/// open batch or in its write stays in that lane until that write is done: a job's writes keep their order, and the
/// two lanes never write the same row at once (each write expects the row version the one before it left).
/// </summary>
public sealed class EngineWrites
{
    /// <summary>The lanes' names, as the write's metric labels them (docs/operations.md, "Metrics").</summary>
    public const string ClaimsLane = "claims";
    public const string ReportsLane = "reports";

    private readonly Dictionary<JobRef, (GroupCommit<TaskBatch> Lane, int Batches)> _held = [];

    /// <param name="write">Writes a batch; the second argument names the lane it comes from.</param>
    public EngineWrites(Func<TaskBatch, string, Task> write)
    {
        Reports = new GroupCommit<TaskBatch>(batch => WriteAsync(batch, ReportsLane, write));
        Claims = new GroupCommit<TaskBatch>(batch => WriteAsync(batch, ClaimsLane, write));
    }

    /// <summary>Completions, failures, renewals, schedules, definitions: every change but a claim.</summary>
    public GroupCommit<TaskBatch> Reports { get; }

    /// <summary>Agents' claims (and long-polling waiters'), unless the job is held by <see cref="Reports"/>.</summary>
    public GroupCommit<TaskBatch> Claims { get; }

    /// <summary>The lane a change of <paramref name="job"/> goes to: the one holding it, else <paramref name="preferred"/>.</summary>
    public GroupCommit<TaskBatch> LaneOf(EngineJob job, GroupCommit<TaskBatch> preferred) =>
        _held.TryGetValue(job.Ref, out var held) ? held.Lane : preferred;

    /// <summary>Adds the job's change to the open batch of its lane (<see cref="LaneOf"/>); returns that lane.</summary>
    public GroupCommit<TaskBatch> Change(EngineJob job, GroupCommit<TaskBatch> preferred)
    {
        var lane = LaneOf(job, preferred);
        if (lane.Open.Changed(job))
        {
            _held[job.Ref] = (lane, _held.GetValueOrDefault(job.Ref).Batches + 1);
        }

        return lane;
    }

    /// <summary>The job's row is gone: its change waiting in an open batch is dropped.</summary>
    public void Forget(JobRef job)
    {
        if (_held.TryGetValue(job, out var held) && held.Lane.Open.Forget(job))
        {
            Release(job);
        }
    }

    /// <summary>Completes when every change made so far, in either lane, is written.</summary>
    public Task AllWrittenAsync() => WrittenAsync([Reports, Claims]);

    /// <summary>
    /// Completes when every change made so far in <paramref name="lanes"/> is written; fails when one of those writes
    /// failed. When only one lane has a write to wait for, its own task is returned: <see cref="Task.WhenAll(Task[])"/>
    /// would answer through an extra turn on the thread pool, on every claim and completion (docs/jobs.md, "How it is
    /// built").
    /// </summary>
    public static Task WrittenAsync(IEnumerable<GroupCommit<TaskBatch>> lanes)
    {
        List<Task>? pending = null;
        foreach (var lane in lanes)
        {
            if (lane.CommitAsync() is { IsCompletedSuccessfully: false } written)
            {
                (pending ??= []).Add(written);
            }
        }

        return pending switch { null => Task.CompletedTask, [var one] => one, _ => Task.WhenAll(pending) };
    }

    private async Task WriteAsync(TaskBatch batch, string lane, Func<TaskBatch, string, Task> write)
    {
        var jobs = batch.Jobs.ToList();
        try
        {
            await write(batch, lane);
        }
        finally
        {
            foreach (var job in jobs)
            {
                Release(job);
            }
        }
    }

    private void Release(JobRef job)
    {
        var held = _held[job];
        if (held.Batches == 1)
        {
            _held.Remove(job);
        }
        else
        {
            _held[job] = held with { Batches = held.Batches - 1 };
        }
    }
}
