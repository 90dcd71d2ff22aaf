namespace Planekeeper.Grains.Interfaces.Jobs;

/// <summary>The statuses of every job (docs/jobs.md, "Statuses"), as stored and as shown by the API.</summary>
public static class JobStatus
{
    public const string Pending = "pending";
    public const string Queued = "queued";
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Pending, Queued, InProgress, Completed, Failed];
}
