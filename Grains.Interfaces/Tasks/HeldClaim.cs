namespace Planekeeper.Grains.Interfaces.Tasks;

/// <summary>
/// A long-poll the frontend holds (<see cref="IClaimAnswers"/>): where to send its task, the frontend's id for it, and
/// how long the agent waits. The engine hands a job to it only until <see cref="Margin"/> before the wait ends, so that
/// the answer reaches the frontend while the agent still listens.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.tasks.held-claim")]
public sealed record HeldClaim([property: Id(0)] IClaimAnswers Answers, [property: Id(1)] long WaitId, [property: Id(2)] TimeSpan Wait)
{
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    /// <summary>Shorter waits are held in the silo as before: the margin would take too much of them.</summary>
    public static readonly TimeSpan ShortestWait = TimeSpan.FromSeconds(2);
}
