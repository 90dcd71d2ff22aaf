using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Interfaces.Agents;

/// <summary>
/// One agent: what it can run (from its heartbeats) and the tasks it holds. It goes offline after three missed
/// heartbeats and then hands its tasks back to their engines. Every call names the API key it came with; a key
/// that is not the agent's own is answered as if the agent did not exist. Key: the agent id.
/// </summary>
[Alias("planekeeper.agents.agent")]
public interface IAgentGrain : IGrainWithIntegerKey
{
    /// <summary>The directory recorded a heartbeat: refresh what the agent can run and restart its offline timer.</summary>
    [Alias("beat")]
    Task BeatAsync(ClaimingAgent agent, long apiKeyId);

    /// <summary>One task, waiting up to <paramref name="wait"/>. Frontends now call <see cref="ClaimUpToAsync"/>; this stays for those of the previous version during a rolling restart.</summary>
    [Alias("claim")]
    Task<CommandResult<TaskAssignment?>> ClaimAsync(long apiKeyId, TimeSpan wait);

    /// <summary>
    /// Up to <paramref name="maxTasks"/> tasks (1..<see cref="TaskClaims.MaxTasks"/>, else 422 naming <c>max_tasks</c>) in one
    /// claim; a server agent gets at most one. Empty when none came within <paramref name="wait"/>.
    /// </summary>
    [Alias("claim-up-to")]
    Task<CommandResult<IReadOnlyList<TaskAssignment>>> ClaimUpToAsync(long apiKeyId, TimeSpan wait, int maxTasks);

    /// <summary>
    /// As <see cref="ClaimUpToAsync"/> for a long-poll the frontend holds (<see cref="HeldClaim"/>): when nothing is due
    /// now, the answer is empty and held, and a task comes to <see cref="HeldClaim.Answers"/>.
    /// </summary>
    [Alias("claim-or-hold")]
    Task<CommandResult<ClaimOrHold>> ClaimOrHoldAsync(long apiKeyId, int maxTasks, HeldClaim held);

    [Alias("renew")]
    Task<CommandResult<TaskLease>> RenewAsync(long apiKeyId, long taskId);

    /// <summary>Reports the result; with <paramref name="claimNext"/> the answer carries the agent's next task, if any.</summary>
    [Alias("complete")]
    Task<CommandResult<TaskAssignment?>> CompleteAsync(long apiKeyId, long taskId, TaskResult result, bool claimNext);

    [Alias("fail")]
    Task<CommandResult<bool>> FailAsync(long apiKeyId, long taskId, TaskFailure failure);

    /// <summary>
    /// Reports several finished tasks (at most <see cref="TaskClaims.MaxReported"/>) and claims up to
    /// <paramref name="claimNext"/> next tasks (0..<see cref="TaskClaims.MaxTasks"/>) in one call: one bad task is refused
    /// in its own outcome, the others are taken. 422 naming <c>results</c> or <c>claim_next</c> outside the bounds.
    /// </summary>
    [Alias("report")]
    Task<CommandResult<TaskReportAnswer>> ReportAsync(long apiKeyId, IReadOnlyList<FinishedTask> finished, int claimNext);
}
