using Microsoft.Extensions.Logging;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Tasks;

/// <summary>Moving runs: every change goes through <see cref="Change"/>, then <see cref="AfterChanges"/> once per turn.</summary>
public sealed partial class TaskEngineGrain
{
    /// <summary>Sets the job's run; it is written in the lane holding the job, else in <paramref name="lane"/> (the reports lane by default).</summary>
    private void Change(EngineJob job, JobRunState run, GroupCommit<TaskBatch>? lane = null)
    {
        _jobs.SetRun(job, run);
        _writes.Change(job, lane ?? _writes.Reports);
    }

    /// <summary>The open batch that writes the job's run, where what else its change writes goes too (one transaction).</summary>
    private TaskBatch BatchOf(EngineJob job) => _writes.LaneOf(job, _writes.Reports).Open;

    private void Queue(EngineJob job, JobRunState queued)
    {
        Change(job, queued);
        OfferToWaiters(job);
    }

    /// <summary>The current try ended with a (valid) result: it is stored with the run's completion.</summary>
    private void Succeed(EngineJob job, TaskResult result)
    {
        var now = Now;
        End(job, now, "succeeded", null);
        BatchOf(job).Results.Add(new ResultToStore(job.Ref, result, now, job.Definition.HistoryLimit));
        job.Validators = result.Validators ?? job.Validators;
        Change(job, TaskTransitions.Completed(job.Run, job.Definition.Schedule, now));
    }

    /// <summary>The current try ended without a result: the job is queued again, or failed after its last attempt.</summary>
    private void Retry(EngineJob job, string outcome, string error)
    {
        var now = Now;
        var run = TaskTransitions.Retried(job.Run, job.Definition.Schedule, now, error, settings.MaxAttempts);
        // A retryable failure on the last attempt is the run's failure; other endings keep their own reason.
        End(job, now, outcome == "retrying" && !run.IsQueued ? "failed" : outcome, error);
        if (run.IsQueued)
        {
            Queue(job, run);
        }
        else
        {
            Change(job, run);
        }
    }

    private void End(EngineJob job, DateTime now, string outcome, string? error)
    {
        var lease = job.Run.HeldLease;
        // The claim leaves the attempt count as it was; the run that ends is the next attempt (as its assignment said).
        BatchOf(job).Ended.Add(new ExecutionEnded(lease.TaskId, job.Ref, lease.AgentId, job.Run.Attempt + 1, lease.StartedAt, now, outcome, error));
        metrics.Ended(job.Ref.Kind, outcome);
        LogRunEnded(outcome == "succeeded" ? LogLevel.Debug : LogLevel.Information, job.Ref, lease.TaskId, lease.AgentId, outcome);
    }

    /// <summary>Takes in a job's saved definition (or its deletion), rescheduling it when the definition changed.</summary>
    private void Reconcile(JobRef job, EngineJobRow? row)
    {
        var known = _jobs.Get(job);
        if (row is null)
        {
            if (known is not null)
            {
                if (known.Run.Lease is not null)
                {
                    End(known, Now, "reset", "the job was deleted while it ran");
                }

                _jobs.Remove(known);
                _writes.Forget(job);
            }

            return;
        }

        if (known is null)
        {
            known = row.ToEngineJob();
            _jobs.Add(known);
            if (known.Run.IsQueued)
            {
                OfferToWaiters(known);
            }

            return;
        }

        if (known.Definition.DefinitionVersion == row.DefinitionVersion)
        {
            return;
        }

        _jobs.SetDefinition(known, row.Definition);
        var saved = TaskTransitions.Saved(known.Run, known.Definition.Schedule, known.Definition.Runnable, Now);
        if (saved != known.Run)
        {
            Change(known, saved);
        }

        OfferToWaiters(known);
    }

    /// <summary>
    /// After a turn's changes: set the timer for the next due job or lease expiry, tell the server agents about work, and
    /// stay active while there is work now or within <see cref="EngineWakeUpGrain.IdleHorizon"/>.
    /// </summary>
    private void AfterChanges()
    {
        var busy = StayAwakeWhileBusy();
        var wakeAt = _jobs.NextWakeAt;
        if (wakeAt != _wakeAt)
        {
            _wakeAt = wakeAt;
            var dueIn = wakeAt is { } at ? at - Now : Timeout.InfiniteTimeSpan;
            _wake.Change(dueIn < TimeSpan.Zero && wakeAt is not null ? TimeSpan.Zero : dueIn, Timeout.InfiniteTimeSpan);
        }

        if (_jobs.ServerClaimable == 0)
        {
            _offered = false;
        }
        else if (!_offered)
        {
            _offered = true;
            _ = references.Get<IServerDispatchGrain>(0).OfferAsync(OrganizationId);
        }

        RecomputeWakeUpRowWhenIdle(busy);
    }

    /// <summary>
    /// An engine going idle brings its organization's wake-up row up to its next moment (the row stayed in the past while
    /// the engine had work), so that the wake-up scan leaves the collected engine alone until then (<see cref="EngineWakeUpRow"/>).
    /// The recomputation rides on the write in the completions' lane that is open now.
    /// </summary>
    private void RecomputeWakeUpRowWhenIdle(bool busy)
    {
        var reports = _writes.Reports.Open;
        if (!reports.RecomputeWakeUp && _wakeUpRow.ShouldRecompute(_jobs.NextWakeAt, busy, Now))
        {
            _wakeUpRow.Recomputing(Now);
            reports.RecomputeWakeUp = true;
            _ = CommitQuietlyAsync();
        }
    }

    private async Task WakeAsync(CancellationToken cancellationToken)
    {
        _wakeAt = null;
        if (_broken)
        {
            return;
        }

        var now = Now;
        foreach (var job in _jobs.DueBy(now))
        {
            Queue(job, TaskTransitions.Due(job.Run));
        }

        foreach (var job in _jobs.LeasesExpiredBy(now))
        {
            metrics.LeaseExpired(job.Ref.Kind);
            Retry(job, "lease_expired", $"agent {job.Run.HeldLease.AgentId} did not renew its lease");
        }

        AfterChanges();
        await CommitQuietlyAsync();
    }

    /// <summary>
    /// An engine with a claim waiting, a job queued or running, or a job due within <see cref="EngineWakeUpGrain.IdleHorizon"/>
    /// is kept from collection for longer than the sweep's period (whose turn extends it again); an idle one is not, so
    /// Orleans collects it after the engine's collection age and <see cref="EngineWakeUpGrain"/> activates it again before
    /// its next job falls due (docs/jobs.md, "How it is built").
    /// </summary>
    /// <returns>Whether the engine is busy (kept from collection).</returns>
    private bool StayAwakeWhileBusy()
    {
        var now = Now;
        var busy = _waiters.Exists(waiter => !waiter.IsOver(now)) || _jobs.HasQueuedOrRunning || _jobs.NextWakeAt <= now + EngineWakeUpGrain.IdleHorizon;
        if (busy)
        {
            DelayDeactivation(settings.SweepInterval + EngineWakeUpGrain.IdleHorizon);
        }

        return busy;
    }

    /// <summary>The periodic safety net: definitions saved while the engine missed it, silent agents, stuck runs.</summary>
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        if (_broken)
        {
            return;
        }

        var rows = (await store.LoadAsync(OrganizationId)).ToDictionary(row => row.Ref);
        foreach (var job in _jobs.All.Select(job => job.Ref).Concat(rows.Keys).Distinct().ToList())
        {
            Reconcile(job, rows.GetValueOrDefault(job));
        }

        var silent = await store.SilentAgentsAsync(_jobs.LeaseHolders, Now - agentSettings.OfflineAfter);
        foreach (var job in silent.SelectMany(_jobs.HeldBy))
        {
            Retry(job, "agent_offline", $"agent {job.Run.HeldLease.AgentId} went offline");
        }

        foreach (var job in _jobs.StartedBefore(Now - settings.StaleAfter))
        {
            Retry(job, "reset", $"reset after more than {settings.StaleAfter} in progress");
        }

        _offered = false;
        AfterChanges();
        await CommitQuietlyAsync();
    }

    private async Task CommitQuietlyAsync()
    {
        try
        {
            await _writes.AllWrittenAsync();
        }
        catch (Exception exception)
        {
            LogWriteFailed(exception);
        }
    }

    private async Task WriteAsync(TaskBatch batch, string lane)
    {
        ThrowIfBroken();
        TaskWriteOutcome outcome;
        var started = clock.GetTimestamp();
        var runs = batch.TakeRunWrites();
        var now = Now;
        var lowerWakeUpTo = _wakeUpRow.LowerTo(runs.Select(write => EngineWakeUpRow.MomentOf(write.Run, _jobs.Get(write.Job)?.Definition.Runnable ?? true, now)));
        try
        {
            outcome = await store.WriteAsync(OrganizationId, runs, batch, lowerWakeUpTo, now);
        }
        catch
        {
            // Memory may now be ahead of the database: start over from the database in a new activation.
            _broken = true;
            AnswerWaitersWithNothing();
            DeactivateOnIdle();
            throw;
        }
        finally
        {
            metrics.Written(lane, clock.GetElapsedTime(started));
        }

        if (lowerWakeUpTo is { } lowered)
        {
            _wakeUpRow.Lowered(lowered);
        }

        if (batch.RecomputeWakeUp)
        {
            _wakeUpRow.Recomputed(outcome.RecomputedWakeUp);
        }

        TellAlertConfigs(batch, outcome.AlertConfigs);
    }

    /// <summary>
    /// Results are durable now: the alert configs using these jobs (found by the write itself) evaluate (one-way, see
    /// <see cref="IAlertEvaluationGrain.JobsCompletedAsync"/>). No config uses them: nothing to tell.
    /// </summary>
    private void TellAlertConfigs(TaskBatch batch, IReadOnlyList<long> alertConfigs)
    {
        if (alertConfigs.Count > 0)
        {
            _ = references.Get<IAlertEvaluationGrain>(0).JobsCompletedAsync(OrganizationId, batch.Results.Select(result => result.Job).ToList(), alertConfigs);
        }
    }

    private void ThrowIfBroken()
    {
        if (_broken)
        {
            throw new InvalidOperationException($"the task engine of organization {OrganizationId} is restarting after a failed write; try again");
        }
    }

    [LoggerMessage(Message = "Run of {Job} as task {TaskId} by agent {AgentId} ended: {Outcome}")]
    private partial void LogRunEnded(LogLevel level, JobRef job, long taskId, long agentId, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The task engine could not write its changes; it restarts from the database")]
    private partial void LogWriteFailed(Exception exception);
}
