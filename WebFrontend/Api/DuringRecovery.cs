using Planekeeper.WebFrontend.Availability;

namespace Planekeeper.WebFrontend.Api;

/// <summary>
/// Agent API calls while a silo leaves the cluster or a task engine restarts: nothing was decided, so the agent is
/// told to try again (503 with Retry-After) instead of getting a 500.
/// </summary>
public static class DuringRecovery
{
    public static async Task<IResult> AnswerAsync(Func<Task<IResult>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (ClusterUnreachable.Is(exception) || exception is InvalidOperationException)
        {
            return Problems.Unavailable("the task service is recovering; try again in a moment");
        }
    }
}
