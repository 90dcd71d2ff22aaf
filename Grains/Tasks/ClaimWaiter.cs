using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Tasks;

/// <summary>An agent long-polling for work; completed with its task once one is handed out and written.</summary>
public sealed class ClaimWaiter(ClaimingAgent agent)
{
    public ClaimingAgent Agent { get; } = agent;

    public TaskCompletionSource<TaskAssignment?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
