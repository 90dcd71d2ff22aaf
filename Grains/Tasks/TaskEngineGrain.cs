using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Planekeeper.Grains.Agents;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// One organization's task engine (docs/jobs.md, "How it is built"). It holds the organization's jobs in memory, is the
/// only writer of their run state, and answers claims from memory. Changes are group-committed in two lanes, claims
/// apart from the rest (<see cref="EngineWrites"/>): a caller is answered once the batch holding its change is
/// durable. Reentrant, so claims that long-poll and writes in flight do not hold up other calls; every decision is
/// made synchronously within one turn.
/// </summary>
[Reentrant]
[GrainType("planekeeper.tasks.engine")]
public sealed partial class TaskEngineGrain(
    TaskStore store, TaskSettings settings, AgentSettings agentSettings, TaskMetrics metrics, GrainReferences references, TimeProvider clock,
    ILogger<TaskEngineGrain> logger)
    : Grain, ITaskEngineGrain, IRemindable
{
    /// <summary>The reminder engines of earlier versions kept (docs/jobs.md, "How it is built"); removed when it fires.</summary>
    private const string SweepReminder = "sweep";

    private const int TaskIdBlock = 256;

    private readonly EngineJobs _jobs = new();
    private readonly List<ClaimWaiter> _waiters = [];
    private readonly Queue<long> _taskIds = new();
    private readonly EngineWakeUpRow _wakeUpRow = new();
    private EngineWrites _writes = null!;
    private IGrainTimer _wake = null!;
    private DateTime? _wakeAt;
    private Task? _reserving;
    private bool _offered;
    private bool _broken;

    private long OrganizationId => this.GetPrimaryKeyLong();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _writes = new EngineWrites(WriteAsync);
        _wake = this.RegisterGrainTimer(WakeAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true });
        this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(settings.SweepInterval, settings.SweepInterval) { Interleave = true });
        var (jobs, wakeUp) = await store.LoadWithWakeUpAsync(OrganizationId);
        foreach (var row in jobs)
        {
            _jobs.Add(row.ToEngineJob());
        }

        _wakeUpRow.Loaded(wakeUp);
        AfterChanges();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        AnswerWaitersWithNothing();
        return Task.CompletedTask;
    }

    public async Task<TaskAssignment?> ClaimAsync(ClaimingAgent agent, TimeSpan wait) =>
        (await ClaimUpToAsync(agent, wait, 1)).FirstOrDefault();

    public async Task<IReadOnlyList<TaskAssignment>> ClaimUpToAsync(ClaimingAgent agent, TimeSpan wait, int maxTasks) =>
        await ClaimNowAsync(agent, maxTasks) ?? (await WaitForWorkAsync(agent, wait) is { } waited ? [waited] : []);

    public async Task<IReadOnlyList<TaskAssignment>> ClaimOrHoldAsync(ClaimingAgent agent, int maxTasks, HeldClaim held)
    {
        if (await ClaimNowAsync(agent, maxTasks) is { } claimed)
        {
            return claimed;
        }

        ListHeldWait(agent, held);
        return [];
    }

    /// <summary>The due jobs the agent can run, claimed and written; null when none is due (or the agent is another organization's: empty).</summary>
    private async Task<IReadOnlyList<TaskAssignment>?> ClaimNowAsync(ClaimingAgent agent, int maxTasks)
    {
        ThrowIfBroken();
        if (!agent.IsServerAgent && agent.OrganizationId != OrganizationId)
        {
            return [];
        }

        var received = clock.GetTimestamp();
        await EnsureTaskIdsAsync(maxTasks);
        var assignments = new List<TaskAssignment>();
        var lanes = new HashSet<GroupCommit<TaskBatch>>();
        while (assignments.Count < maxTasks && _taskIds.Count > 0 && _jobs.FirstClaimableBy(agent) is { } job)
        {
            lanes.Add(_writes.LaneOf(job, _writes.Claims));
            assignments.Add(HandOut(job, agent, _writes.Claims));
        }

        if (assignments.Count > 0)
        {
            AfterChanges();
            await EngineWrites.WrittenAsync(lanes);
            metrics.ClaimAnswered(clock.GetElapsedTime(received));
            return assignments;
        }

        return null;
    }

    public async Task<CommandResult<TaskLease>> RenewAsync(long agentId, long taskId)
    {
        ThrowIfBroken();
        if (HeldTask(agentId, taskId) is not { } job)
        {
            return CommandResult<TaskLease>.Conflict(NotCurrent(taskId));
        }

        var expiresAt = Now + settings.LeaseDuration;
        Change(job, TaskTransitions.Renewed(job.Run, expiresAt));
        AfterChanges();
        await _writes.AllWrittenAsync();
        return CommandResult<TaskLease>.Ok(new TaskLease(taskId, expiresAt));
    }

    public async Task<CommandResult<TaskAssignment?>> CompleteAsync(long agentId, long taskId, TaskResult result, ClaimingAgent? claimNext)
    {
        ThrowIfBroken();
        var chartsToSync = new List<(long HelmSyncJob, IReadOnlyList<FoundChart> Charts)>();
        if (Finish(agentId, new FinishedTask(taskId, result, null), chartsToSync) is { Status: not CommandStatus.Ok } refused)
        {
            return refused.Without<TaskAssignment?>();
        }

        var next = claimNext is not null && _taskIds.Count > 0 && _jobs.FirstClaimableBy(claimNext) is { } due ? HandOut(due, claimNext, _writes.Reports) : null;
        AfterChanges();
        await _writes.AllWrittenAsync();
        SyncHelmCharts(chartsToSync);
        return CommandResult<TaskAssignment?>.Ok(next);
    }

    public async Task<CommandResult<bool>> FailAsync(long agentId, long taskId, TaskFailure failure)
    {
        ThrowIfBroken();
        if (Finish(agentId, new FinishedTask(taskId, null, failure), []) is { Status: not CommandStatus.Ok } refused)
        {
            return refused.Without<bool>();
        }

        AfterChanges();
        await _writes.AllWrittenAsync();
        return CommandResult<bool>.Ok(true);
    }

    public async Task<CommandResult<bool>> RunNowAsync(JobRef job)
    {
        ThrowIfBroken();
        if (_jobs.Get(job) is not { } known)
        {
            return CommandResult<bool>.NotFound($"no runnable job {job}");
        }

        if (TaskTransitions.RunNow(known.Run, Now) is not { } queued)
        {
            return CommandResult<bool>.Conflict("the job is running; wait until it completes");
        }

        Queue(known, queued);
        AfterChanges();
        await _writes.AllWrittenAsync();
        return CommandResult<bool>.Ok(true);
    }

    public async Task JobSavedAsync(JobRef job)
    {
        ThrowIfBroken();
        Reconcile(job, await store.LoadAsync(OrganizationId, job));
        AfterChanges();
        await _writes.AllWrittenAsync();
    }

    public async Task RecordManualRunAsync(JobRef job)
    {
        ThrowIfBroken();
        if (_jobs.Get(job) is { Definition.Runnable: false } manual)
        {
            Change(manual, TaskTransitions.Completed(manual.Run, null, Now));
            AfterChanges();
            await _writes.AllWrittenAsync();
        }
    }

    public async Task<int> AgentOfflineAsync(long agentId)
    {
        ThrowIfBroken();
        var held = _jobs.HeldBy(agentId);
        foreach (var job in held)
        {
            Retry(job, "agent_offline", $"agent {agentId} went offline (no heartbeat for {agentSettings.OfflineAfter.TotalSeconds:0} s)");
        }

        AfterChanges();
        await _writes.AllWrittenAsync();
        return held.Count;
    }

    public async Task<int> ResetStuckAsync(TimeSpan olderThan)
    {
        ThrowIfBroken();
        var stuck = _jobs.StartedBefore(Now - olderThan);
        foreach (var job in stuck)
        {
            Retry(job, "reset", $"reset after more than {olderThan} in progress");
        }

        AfterChanges();
        await _writes.AllWrittenAsync();
        return stuck.Count;
    }

    /// <summary>Activation is all it takes: the engine loads its jobs and sets its timers (<see cref="EngineWakeUpGrain"/>).</summary>
    public Task WakeUpAsync()
    {
        ThrowIfBroken();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Engines no longer hold a reminder (an idle organization holds nothing, docs/jobs.md, "How it is built"); one left
    /// by an earlier version is removed the first time it fires.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == SweepReminder && await this.GetReminder(SweepReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
