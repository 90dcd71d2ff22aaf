namespace Planekeeper.Grains.Interfaces.Tasks;

/// <summary>The bounds of a claim (docs/api.md, "Agent API").</summary>
public static class TaskClaims
{
    /// <summary>The most tasks one claim may ask for (<c>max_tasks</c>).</summary>
    public const int MaxTasks = 50;
}
