namespace Planekeeper.Agent.Server;

/// <summary>
/// One finished task as a report carries it (docs/jobs.md, "Reporting several tasks at once"): completed with its
/// <see cref="Result"/>, or failed with <see cref="Error"/> (tried again when <see cref="Retryable"/>).
/// </summary>
public sealed record FinishedReport(long TaskId, TaskReport? Result, string? Error = null, bool Retryable = false)
{
    public static FinishedReport Completed(long taskId, TaskReport result) => new(taskId, result);

    public static FinishedReport Failed(long taskId, string error, bool retryable) => new(taskId, null, error, retryable);
}
