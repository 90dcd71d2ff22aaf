namespace Planekeeper.Grains.Interfaces.Tasks;

/// <summary>The bounds of a claim and of a report (docs/api.md, "Agent API").</summary>
public static class TaskClaims
{
    /// <summary>The most tasks one claim may ask for (<c>max_tasks</c>, a report's <c>claim_next</c>).</summary>
    public const int MaxTasks = 50;

    /// <summary>The most tasks one report may carry (<c>results</c>).</summary>
    public const int MaxReported = 50;
}
