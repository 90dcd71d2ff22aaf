using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// An agent long-polling for work. Either its claim call waits in the engine (<see cref="Answer"/>), or its frontend
/// holds the long-poll (<see cref="Held"/>) and is told once a task is written; such a wait takes jobs only until
/// <see cref="HandOutUntil"/>.
/// </summary>
public sealed class ClaimWaiter
{
    private ClaimWaiter(ClaimingAgent agent, HeldClaim? held, DateTime handOutUntil)
    {
        Agent = agent;
        Held = held;
        HandOutUntil = handOutUntil;
        Answer = held is null ? new(TaskCreationOptions.RunContinuationsAsynchronously) : null;
    }

    public ClaimingAgent Agent { get; }

    public HeldClaim? Held { get; }

    public DateTime HandOutUntil { get; }

    /// <summary>The waiting claim call's answer; null for a wait the frontend holds.</summary>
    public TaskCompletionSource<TaskAssignment?>? Answer { get; }

    public static ClaimWaiter InCall(ClaimingAgent agent) => new(agent, null, DateTime.MaxValue);

    public static ClaimWaiter HeldBy(ClaimingAgent agent, HeldClaim held, DateTime now) => new(agent, held, now + held.Wait - HeldClaim.Margin);

    public bool IsOver(DateTime now) => now >= HandOutUntil;

    /// <summary>Answers the wait: with its written task, or with nothing.</summary>
    public void Give(TaskAssignment? assignment)
    {
        if (Held is { } held)
        {
            _ = held.Answers.AnswerAsync(held.WaitId, assignment);
        }
        else
        {
            Answer!.TrySetResult(assignment);
        }
    }

    /// <summary>The task's write failed: a waiting call gets the error, a held wait ends with nothing.</summary>
    public void Fail(Exception exception)
    {
        if (Held is not null)
        {
            Give(null);
        }
        else
        {
            Answer!.TrySetException(exception);
        }
    }
}
