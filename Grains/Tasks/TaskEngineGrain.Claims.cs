using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Tasks;

/// <summary>Handing jobs to agents: claims, long-polling waiters and the task ids claims take.</summary>
public sealed partial class TaskEngineGrain
{
    /// <summary>Hands the job to the agent in memory; the claim is written in <paramref name="lane"/> unless the job is held by the other.</summary>
    private TaskAssignment HandOut(EngineJob job, ClaimingAgent agent, GroupCommit<TaskBatch> lane)
    {
        var now = Now;
        var lease = new TaskLeaseHolder(_taskIds.Dequeue(), agent.AgentId, now, now + settings.LeaseDuration);
        ReserveAheadWhenLow();
        var attempt = job.Run.Attempt + 1;
        // Durable with the job's row (its lease); task_executions gets the run once it ends (TaskBatch.ExecutionEnded).
        Change(job, TaskTransitions.Claimed(job.Run, lease), lane);
        metrics.Claimed(job.Ref.Kind);
        return new TaskAssignment(lease.TaskId, OrganizationId, job.Ref.Kind, job.Ref.Id, attempt, lease.ExpiresAt, job.Definition.JobJson, job.Validators);
    }

    private async Task<TaskAssignment?> WaitForWorkAsync(ClaimingAgent agent, TimeSpan wait)
    {
        if (wait <= TimeSpan.Zero)
        {
            return null;
        }

        var waiter = ClaimWaiter.InCall(agent);
        _waiters.Add(waiter);
        await Task.WhenAny(waiter.Answer!.Task, Task.Delay(wait < TaskSettings.MaxClaimWait ? wait : TaskSettings.MaxClaimWait));
        // Still listed: nothing came in time. Otherwise a job was handed out and its answer comes once written.
        return _waiters.Remove(waiter) ? null : await waiter.Answer.Task;
    }

    /// <summary>Lists a wait the frontend holds; waits whose time is over go (their frontends answered by themselves).</summary>
    private void ListHeldWait(ClaimingAgent agent, HeldClaim held)
    {
        var now = Now;
        _waiters.RemoveAll(waiter => waiter.IsOver(now));
        var wait = held.Wait < TaskSettings.MaxClaimWait ? held : held with { Wait = TaskSettings.MaxClaimWait };
        _waiters.Add(ClaimWaiter.HeldBy(agent, wait, now));
        StayAwakeWhileBusy();
    }

    /// <summary>A job was queued: the first waiting agent able to run it gets it at once.</summary>
    private void OfferToWaiters(EngineJob job)
    {
        if (!job.Run.IsQueued || _waiters.Count == 0)
        {
            return;
        }

        if (_taskIds.Count == 0)
        {
            _ = ReserveForWaitersAsync();
            return;
        }

        var now = Now;
        if (_waiters.FirstOrDefault(waiter => !waiter.IsOver(now) && job.Definition.Needs.CanBeRunBy(waiter.Agent)) is not { } waiter)
        {
            return;
        }

        _waiters.Remove(waiter);
        var lane = _writes.LaneOf(job, _writes.Claims);
        _ = AnswerWhenWrittenAsync(waiter, HandOut(job, waiter.Agent, lane), lane);
    }

    private static async Task AnswerWhenWrittenAsync(ClaimWaiter waiter, TaskAssignment assignment, GroupCommit<TaskBatch> lane)
    {
        try
        {
            await lane.CommitAsync();
            waiter.Give(assignment);
        }
        catch (Exception exception)
        {
            waiter.Fail(exception);
        }
    }

    public Task StopWaitingAsync(long agentId)
    {
        foreach (var waiter in _waiters.Where(waiter => waiter.Agent.AgentId == agentId).ToList())
        {
            _waiters.Remove(waiter);
            waiter.Give(null);
        }

        return Task.CompletedTask;
    }

    private void AnswerWaitersWithNothing()
    {
        foreach (var waiter in _waiters)
        {
            waiter.Give(null);
        }

        _waiters.Clear();
    }

    /// <summary>Task ids are reserved in blocks, so a claim knows its id before its write.</summary>
    /// <summary>The waiters are served when the ids arrive; a failed reservation is made again by the next claim.</summary>
    private async Task ReserveForWaitersAsync()
    {
        try
        {
            await EnsureTaskIdsAsync();
        }
        catch (Exception)
        {
            // Nobody waits on this reservation; the next claim's own reservation reports the failure.
        }
    }

    /// <summary>
    /// Fewer than half a block of ids left: the next block is reserved in the background, so that a completion's
    /// <c>claim_next</c> (which takes only ids already reserved) does not come back empty while jobs are due.
    /// </summary>
    private void ReserveAheadWhenLow()
    {
        if (_taskIds.Count < TaskIdBlock / 2 && _reserving is not { IsCompleted: false })
        {
            _reserving = ReserveTaskIdsAsync(TaskIdBlock);
            // Nobody waits on it; a claim that needs ids awaits it and sees its failure, else the next reservation retries.
            _reserving.ContinueWith(reservation => reservation.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
        }
    }

    /// <summary>At least <paramref name="needed"/> task ids are reserved (claims of a batch of shared gathers need many).</summary>
    private async Task EnsureTaskIdsAsync(int needed = 1)
    {
        while (_taskIds.Count < needed)
        {
            // One reservation at a time; a finished one (even one that completed synchronously) makes way for the next.
            if (_reserving is not { IsCompleted: false })
            {
                _reserving = ReserveTaskIdsAsync(Math.Max(TaskIdBlock, needed - _taskIds.Count));
            }

            await _reserving;
        }
    }

    private async Task ReserveTaskIdsAsync(int count)
    {
        foreach (var id in await store.ReserveTaskIdsAsync(count))
        {
            _taskIds.Enqueue(id);
        }

        foreach (var job in _waiters.Count == 0 ? [] : _jobs.QueuedInOrder.ToList())
        {
            OfferToWaiters(job);
        }

        AfterChanges();
    }

    private EngineJob? HeldTask(long agentId, long taskId) =>
        _jobs.ByTask(taskId) is { } job && job.Run.HeldLease.AgentId == agentId ? job : null;

    private static string NotCurrent(long taskId) =>
        $"task {taskId} is not yours any more: its lease expired, it was handed back, or it was already reported";
}
