using System.Text.Json;
using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.WebFrontend.Hosting;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Api;

/// <summary>
/// The Agent API's task routes (API key only): claim (optionally long-polling), renew the lease, report the
/// result or the failure. Every body names the <c>agent_id</c> the heartbeat returned.
/// </summary>
public static class AgentTaskEndpoints
{
    public sealed record ClaimRequest(long? AgentId, int? WaitSeconds, int? MaxTasks);

    public sealed record RenewRequest(long? AgentId);

    public sealed record CompleteRequest(
        long? AgentId, List<FoundRelease>? Releases, string? Version, string? CommitSha, List<FoundChart>? Charts,
        bool? Unchanged, string? Etag, DateTime? LastModified, bool? ClaimNext);

    public sealed record FailRequest(long? AgentId, string? Error, bool? Retryable);

    /// <summary>A task as the agent receives it: the job's definition as JSON, the upstream validators of its last run.</summary>
    public sealed record TaskView(
        long TaskId, long OrganizationId, string Kind, long JobId, int Attempt, DateTime LeaseExpiresAt, JsonElement Job, PreviousValidators? Previous);

    /// <summary>The answer to a claim with <c>max_tasks</c>: up to that many tasks, claimed in one write.</summary>
    public sealed record ClaimedTasks(IReadOnlyList<TaskView> Tasks);

    public sealed record PreviousValidators(string? Etag, DateTime? LastModified);

    /// <summary>What became of a finished task: <c>succeeded</c>, <c>retrying</c> or <c>failed</c>; after complete with claim_next, the next task.</summary>
    public sealed record TaskOutcome(long TaskId, [property: ValuesOf(typeof(TaskOutcome), nameof(TaskOutcome.Outcomes))] string Outcome)
    {
        public static IReadOnlyList<string> Outcomes { get; } = ["succeeded", "retrying", "failed"];
    }

    public sealed record CompletedTask(long TaskId, [property: ValuesOf(typeof(TaskOutcome), nameof(TaskOutcome.Outcomes))] string Outcome, TaskView? NextTask);

    private const int MaxWaitSeconds = 25;

    public static void MapAgentTaskEndpoints(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/agent/tasks").WithTags("Agent API");
        tasks.MapPost("/claim", ClaimAsync)
            .Produces<TaskView>().Produces<ClaimedTasks>().Produces(StatusCodes.Status204NoContent)
            .WithName("claimAgentTask").WithSummary("The oldest due job this agent can run, under a 30 s lease; waits up to wait_seconds (≤ 25) for one, else 204. With max_tasks (1–50) the answer is {\"tasks\": [...]}, up to that many, claimed together.");
        tasks.MapPost("/{taskId:long}/renew", (long taskId, RenewRequest body, HttpContext context, GrainReferences grains) =>
                OnAgentAsync(body.AgentId, context, grains, (agent, key) => agent.RenewAsync(key, taskId), lease => Results.Ok(lease)))
            .Produces<TaskLease>()
            .WithSummary("Extend the task's lease by another lease period; 409 when the task is no longer this agent's.");
        tasks.MapPost("/{taskId:long}/complete", (long taskId, CompleteRequest body, HttpContext context, GrainReferences grains) =>
                OnAgentAsync(body.AgentId, context, grains, (agent, key) => agent.CompleteAsync(key, taskId, ResultOf(body), body.ClaimNext ?? false),
                    next => Results.Ok(new CompletedTask(taskId, "succeeded", next is null ? null : View(next)))))
            .Produces<CompletedTask>()
            .WithSummary("Report what the task found (releases, a version, or charts); with claim_next the answer carries the agent's next task. 409 when the lease is no longer current.");
        tasks.MapPost("/{taskId:long}/fail", (long taskId, FailRequest body, HttpContext context, GrainReferences grains) =>
                OnAgentAsync(body.AgentId, context, grains, (agent, key) => agent.FailAsync(key, taskId, new TaskFailure(body.Error ?? "", body.Retryable ?? false)),
                    _ => Results.Ok(new TaskOutcome(taskId, body.Retryable == true ? "retrying" : "failed"))))
            .Produces<TaskOutcome>()
            .WithSummary("Report that the task failed; a retryable failure is tried again (up to 3 attempts).");
        tasks.MapAgentTaskReport();
    }

    /// <summary>
    /// A long-poll of at least <see cref="HeldClaim.ShortestWait"/> is held here (<see cref="HeldClaims"/>); a shorter one
    /// waits in the silo. A long-poll on a frontend that is stopping ends early with 503 (<see cref="LongPollDrain"/>).
    /// </summary>
    private static async Task<IResult> ClaimAsync(ClaimRequest body, HttpContext context, GrainReferences grains, LongPollDrain drain, HeldClaims heldClaims)
    {
        if (body.WaitSeconds is < 0 or > MaxWaitSeconds)
        {
            return Problems.Invalid("wait_seconds", $"wait_seconds must be between 0 and {MaxWaitSeconds}");
        }

        if (body.MaxTasks is < 1 or > TaskClaims.MaxTasks)
        {
            return Problems.Invalid("max_tasks", $"max_tasks must be between 1 and {TaskClaims.MaxTasks}");
        }

        var longPoll = body.WaitSeconds > 0 && body.AgentId is not null;
        using var held = longPoll ? drain.Hold(body.AgentId!.Value, context.Identity().ApiKey!.OrganizationId, context.RequestAborted) : null;
        if (longPoll && held is null)
        {
            return Problems.Unavailable("this frontend is shutting down: claim again");
        }

        var wait = TimeSpan.FromSeconds(body.WaitSeconds ?? 0);
        IResult Nothing() => longPoll && drain.IsDraining ? Problems.Unavailable("this frontend is shutting down: claim again") : Results.NoContent();
        IResult Answer(IReadOnlyList<TaskAssignment> assignments) => assignments.Count == 0 ? Nothing()
            : body.MaxTasks is null ? Results.Ok(View(assignments[0])) : Results.Ok(new ClaimedTasks(assignments.Select(View).ToList()));
        if (longPoll && wait >= HeldClaim.ShortestWait)
        {
            return await HoldAsync(body.AgentId!.Value, wait, body.MaxTasks ?? 1, context, grains, heldClaims, Answer);
        }

        return await OnAgentAsync(body.AgentId, context, grains, (agent, key) => agent.ClaimUpToAsync(key, wait, body.MaxTasks ?? 1), Answer);
    }

    /// <summary>Claims now, or lists the wait with the engine and waits here for its answer.</summary>
    private static async Task<IResult> HoldAsync(
        long agentId, TimeSpan wait, int maxTasks, HttpContext context, GrainReferences grains, HeldClaims heldClaims,
        Func<IReadOnlyList<TaskAssignment>, IResult> answer)
    {
        using var held = heldClaims.Open();
        return await DuringRecovery.AnswerAsync(async () =>
        {
            var claimed = await grains.Get<IAgentGrain>(agentId)
                .ClaimOrHoldAsync(context.Identity().ApiKey!.KeyId, maxTasks, new HeldClaim(heldClaims.Reference, held.Id, wait));
            if (claimed.Status != CommandStatus.Ok || !claimed.Value!.Held)
            {
                return Problems.From(claimed, now => answer(now.Tasks));
            }

            return answer(await held.AnswerAsync(wait, context.RequestAborted) is { } came ? [came] : []);
        });
    }

    private static async Task<IResult> OnAgentAsync<T>(
        long? agentId, HttpContext context, GrainReferences grains, Func<IAgentGrain, long, Task<CommandResult<T>>> call, Func<T, IResult> onOk)
    {
        if (agentId is not { } id)
        {
            return Problems.Invalid("agent_id", "agent_id is required: the id the heartbeat answered with");
        }

        return await DuringRecovery.AnswerAsync(async () =>
            Problems.From(await call(grains.Get<IAgentGrain>(id), context.Identity().ApiKey!.KeyId), onOk));
    }

    private static TaskResult ResultOf(CompleteRequest body) =>
        ResultOf(body.Releases, body.Version, body.CommitSha, body.Charts, body.Unchanged, body.Etag, body.LastModified);

    /// <summary>A completion's fields as the engine takes them (times in UTC).</summary>
    internal static TaskResult ResultOf(
        List<FoundRelease>? releases, string? version, string? commitSha, List<FoundChart>? charts, bool? unchanged, string? etag, DateTime? lastModified) => new(
        releases?.Select(release => release is null ? release! : release with { ReleasedAt = release.ReleasedAt?.ToUniversalTime() }).ToList(),
        version is null ? null : new FoundVersion(version, commitSha),
        charts,
        unchanged ?? false,
        etag is null && lastModified is null ? null : new UpstreamValidators(etag, lastModified?.ToUniversalTime()));

    internal static TaskView View(TaskAssignment assignment) => new(
        assignment.TaskId, assignment.OrganizationId, assignment.Kind, assignment.JobId, assignment.Attempt, assignment.LeaseExpiresAt,
        JsonDocument.Parse(assignment.JobJson).RootElement,
        assignment.Previous is { } previous ? new PreviousValidators(previous.ETag, previous.LastModified) : null);
}
