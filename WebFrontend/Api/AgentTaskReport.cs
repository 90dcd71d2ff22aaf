using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.WebFrontend.Hosting;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Api;

/// <summary>
/// <c>POST /api/v1/agent/tasks/report</c> (docs/jobs.md, "Reporting several tasks at once"): an agent reports the tasks
/// it finished and claims its next ones in one request, one grain call and one durable write. A task that cannot be
/// taken is refused in its own outcome; the others are taken.
/// </summary>
public static class AgentTaskReport
{
    public sealed record ReportRequest(long? AgentId, List<ReportedTask>? Results, int? ClaimNext);

    /// <summary>One finished task: <c>complete</c> with the complete route's fields, or <c>fail</c> with <c>error</c> and <c>retryable</c>.</summary>
    public sealed record ReportedTask(
        long? TaskId, [property: ValuesOf(typeof(AgentTaskReport), nameof(Reports))] string? Outcome,
        List<FoundRelease>? Releases, string? Version, string? CommitSha, List<FoundChart>? Charts, bool? Unchanged, string? Etag, DateTime? LastModified,
        string? Error, bool? Retryable);

    /// <summary>What became of the reported tasks (in their order) and the tasks claimed with the report.</summary>
    public sealed record ReportAnswer(IReadOnlyList<ReportedOutcome> Results, IReadOnlyList<AgentTaskEndpoints.TaskView> Tasks);

    /// <summary><c>succeeded</c>, <c>retrying</c> or <c>failed</c>; <c>refused</c> with the problem when the task was not taken.</summary>
    public sealed record ReportedOutcome(long TaskId, [property: ValuesOf(typeof(AgentTaskReport), nameof(Outcomes))] string Outcome, RefusedTask? Problem);

    /// <summary>Why a task was not taken, as problem details: 404 not this agent's task, 409 lease no longer current, 422 invalid result.</summary>
    public sealed record RefusedTask(string Title, int Status, string Detail, IReadOnlyDictionary<string, string[]>? Errors);

    public static IReadOnlyList<string> Reports { get; } = ["complete", "fail"];

    public static IReadOnlyList<string> Outcomes { get; } = ["succeeded", "retrying", "failed", "refused"];

    private static readonly string[] CompleteOnly = ["releases", "version", "commit_sha", "charts", "unchanged", "etag", "last_modified"];

    public static void MapAgentTaskReport(this RouteGroupBuilder tasks) =>
        tasks.MapPost("/report", ReportAsync)
            .Produces<ReportAnswer>()
            .WithName("reportAgentTasks")
            .WithSummary($"Report several finished tasks (complete or fail, at most {TaskClaims.MaxReported}) and claim up to claim_next (0–{TaskClaims.MaxTasks}) next tasks, in one write. Each task gets its own outcome; one refused task (not yours, lease no longer current, invalid result) does not stop the others.");

    private static async Task<IResult> ReportAsync(ReportRequest body, HttpContext context, GrainReferences grains)
    {
        if (Errors(body) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var finished = (body.Results ?? []).Select(Finished).ToList();
        return await DuringRecovery.AnswerAsync(async () => Problems.From(
            await grains.Get<IAgentGrain>(body.AgentId!.Value).ReportAsync(context.Identity().ApiKey!.KeyId, finished, body.ClaimNext ?? 0),
            answer => Results.Ok(new ReportAnswer(answer.Outcomes.Select((outcome, i) => Outcome(finished[i].TaskId, i, outcome)).ToList(),
                answer.NextTasks.Select(AgentTaskEndpoints.View).ToList()))));
    }

    /// <summary>Every field error of the request, named by its place (<c>results[2].task_id</c>).</summary>
    private static Dictionary<string, string[]> Errors(ReportRequest body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.AgentId is null)
        {
            errors["agent_id"] = ["agent_id is required: the id the heartbeat answered with"];
        }

        if (body.ClaimNext is < 0 or > TaskClaims.MaxTasks)
        {
            errors["claim_next"] = [$"claim_next must be between 0 and {TaskClaims.MaxTasks}"];
        }

        var results = body.Results ?? [];
        if (results.Count > TaskClaims.MaxReported)
        {
            errors["results"] = [$"a report carries at most {TaskClaims.MaxReported} tasks; send the rest in another"];
            return errors;
        }

        for (var i = 0; i < results.Count; i++)
        {
            ItemErrors(results[i], $"results[{i}]", errors);
        }

        return errors;
    }

    /// <remarks>A null item never gets here: the body is refused with 400 naming it (docs/api.md, "Errors").</remarks>
    private static void ItemErrors(ReportedTask task, string at, Dictionary<string, string[]> errors)
    {
        if (task.TaskId is null)
        {
            errors[$"{at}.task_id"] = ["task_id is required: the task the result is for"];
        }

        if (task.Outcome == "complete" && (task.Error is not null || task.Retryable is not null))
        {
            errors[$"{at}.{(task.Error is not null ? "error" : "retryable")}"] = ["only a failed task reports error and retryable"];
        }
        else if (task.Outcome == "fail" && CompleteOnly.FirstOrDefault(field => Given(task, field)) is { } field)
        {
            errors[$"{at}.{field}"] = ["a failed task reports only error and retryable"];
        }
        else if (task.Outcome is not ("complete" or "fail"))
        {
            errors[$"{at}.outcome"] = ["outcome must be complete or fail"];
        }
    }

    private static bool Given(ReportedTask task, string field) => field switch
    {
        "releases" => task.Releases is not null,
        "version" => task.Version is not null,
        "commit_sha" => task.CommitSha is not null,
        "charts" => task.Charts is not null,
        "unchanged" => task.Unchanged is not null,
        "etag" => task.Etag is not null,
        _ => task.LastModified is not null,
    };

    private static FinishedTask Finished(ReportedTask task) => task.Outcome == "complete"
        ? new FinishedTask(task.TaskId!.Value, AgentTaskEndpoints.ResultOf(task.Releases, task.Version, task.CommitSha, task.Charts, task.Unchanged, task.Etag, task.LastModified), null)
        : new FinishedTask(task.TaskId!.Value, null, new TaskFailure(task.Error ?? "", task.Retryable ?? false));

    private static ReportedOutcome Outcome(long taskId, int index, CommandResult<string> outcome) => outcome.Status switch
    {
        CommandStatus.Ok => new ReportedOutcome(taskId, outcome.Value!, null),
        CommandStatus.NotFound => Refused(taskId, "Not found", StatusCodes.Status404NotFound, outcome.Detail, null),
        CommandStatus.Conflict => Refused(taskId, "Conflict", StatusCodes.Status409Conflict, outcome.Detail, null),
        _ => Refused(taskId, "Unprocessable entity", StatusCodes.Status422UnprocessableEntity, "The result has invalid fields.",
            outcome.Errors?.ToDictionary(error => $"results[{index}].{error.Key}", error => error.Value)),
    };

    private static ReportedOutcome Refused(long taskId, string title, int status, string? detail, IReadOnlyDictionary<string, string[]>? errors) =>
        new(taskId, "refused", new RefusedTask(title, status, detail ?? title, errors));
}
