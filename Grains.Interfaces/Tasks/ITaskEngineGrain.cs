using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Tasks;

/// <summary>
/// One organization's task engine: the only writer of its jobs' run state. It keeps the due queue in memory,
/// hands jobs to agents under leases, and takes back what expires or is orphaned. Key: the organization id.
/// </summary>
[Alias("planekeeper.tasks.engine")]
public interface ITaskEngineGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// The oldest due job the agent can run, waiting up to <paramref name="wait"/> for one; null when none came. Agent grains
    /// now call <see cref="ClaimUpToAsync"/>; this stays for those of the previous version during a rolling restart.
    /// </summary>
    [Alias("claim")]
    Task<TaskAssignment?> ClaimAsync(ClaimingAgent agent, TimeSpan wait);

    /// <summary>
    /// Up to <paramref name="maxTasks"/> due jobs the agent can run, oldest first, claimed in the same write; when none is
    /// due, waits up to <paramref name="wait"/> for one (and answers with that one). Empty when none came.
    /// </summary>
    [Alias("claim-up-to")]
    Task<IReadOnlyList<TaskAssignment>> ClaimUpToAsync(ClaimingAgent agent, TimeSpan wait, int maxTasks);

    /// <summary>
    /// As <see cref="ClaimUpToAsync"/>, but when none is due the wait is listed instead of held open: the first job that
    /// comes for it within <see cref="HeldClaim.Wait"/> (less <see cref="HeldClaim.Margin"/>) is handed out and sent to
    /// <see cref="HeldClaim.Answers"/> once written. Empty then.
    /// </summary>
    [Alias("claim-or-hold")]
    Task<IReadOnlyList<TaskAssignment>> ClaimOrHoldAsync(ClaimingAgent agent, int maxTasks, HeldClaim held);

    /// <summary>
    /// The agent's long-polling claims end now with nothing (a frontend shutting down answers them 503 instead of
    /// holding them; docs/deploy.md, "Graceful shutdown"). A job already handed out is still answered with.
    /// </summary>
    [Alias("stop-waiting")]
    Task StopWaitingAsync(long agentId);

    /// <summary>
    /// The oldest due job without a credential this server agent can run, without waiting. Due gathers the shared upstream
    /// cache serves are completed from it on the way (in batches), so a gather of a public upstream in the answer must be
    /// fetched, and its result fills the cache for all.
    /// </summary>
    [Alias("claim-for-server-agent")]
    Task<ServerClaim> ClaimForServerAgentAsync(ClaimingAgent agent);

    /// <summary>
    /// Completes the due gathers the shared upstream cache serves, as runs of this server agent, and hands out nothing:
    /// the dispatcher has many organizations do this at once before it claims from them in turn. True when the
    /// organization still has work for server agents.
    /// </summary>
    [Alias("complete-shared-gathers")]
    Task<bool> CompleteSharedGathersAsync(ClaimingAgent agent);

    [Alias("renew")]
    Task<CommandResult<TaskLease>> RenewAsync(long agentId, long taskId);

    /// <summary>
    /// Stores the result and ends the run. With <paramref name="claimNext"/>, the same agent's next task (if one is
    /// due) is claimed in the same write and returned, saving the agent a round trip and a durable wait.
    /// </summary>
    [Alias("complete")]
    Task<CommandResult<TaskAssignment?>> CompleteAsync(long agentId, long taskId, TaskResult result, ClaimingAgent? claimNext);

    [Alias("fail")]
    Task<CommandResult<bool>> FailAsync(long agentId, long taskId, TaskFailure failure);

    /// <summary>
    /// Ends each reported task of the agent (a task it no longer holds, or an invalid result, is refused on its own) and,
    /// with <paramref name="claimNext"/>, claims up to <paramref name="maxNext"/> of its next tasks, all in one write.
    /// </summary>
    [Alias("report")]
    Task<TaskReportAnswer> ReportAsync(long agentId, IReadOnlyList<FinishedTask> finished, ClaimingAgent? claimNext, int maxNext);

    /// <summary>
    /// Activates the engine (when it is not active): a job of the organization falls due or a lease ends soon. Idle engines
    /// are collected; the wake-up grain calls this before their next job is due.
    /// </summary>
    [Alias("wake-up")]
    Task WakeUpAsync();

    /// <summary>A job was created, changed or deleted: reload its definition and reschedule it.</summary>
    [Alias("job-saved")]
    Task JobSavedAsync(JobRef job);

    /// <summary>Queues the job now; a conflict while it runs.</summary>
    [Alias("run-now")]
    Task<CommandResult<bool>> RunNowAsync(JobRef job);

    /// <summary>A manual job's version was set by hand: its run is completed now.</summary>
    [Alias("record-manual-run")]
    Task RecordManualRunAsync(JobRef job);

    /// <summary>The agent went offline: every job it holds is queued again. Returns how many.</summary>
    [Alias("agent-offline")]
    Task<int> AgentOfflineAsync(long agentId);

    /// <summary>Queues again every job in progress for longer than <paramref name="olderThan"/>. Returns how many.</summary>
    [Alias("reset-stuck")]
    Task<int> ResetStuckAsync(TimeSpan olderThan);
}
