using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>
/// A grain call filter counting the long-polling claims task engines know of, so a test can queue a job once an agent
/// is known to be waiting instead of sleeping and hoping it is: claim calls waiting in an engine now
/// (<see cref="InCall"/>), and waits listed for a frontend that holds the long-poll itself (<see cref="Held"/>, counted
/// when listed and never taken off: the filter does not see them end).
/// </summary>
public sealed class WaitingClaims : IIncomingGrainCallFilter
{
    private int _inCall;
    private int _held;

    public int InCall => Volatile.Read(ref _inCall);

    public int Held => Volatile.Read(ref _held);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType != typeof(ITaskEngineGrain))
        {
            await context.Invoke();
            return;
        }

        if (context.MethodName == nameof(ITaskEngineGrain.ClaimOrHoldAsync))
        {
            await context.Invoke();
            if (context.Result is IReadOnlyList<TaskAssignment> { Count: 0 })
            {
                Interlocked.Increment(ref _held);
            }

            return;
        }

        if (context.MethodName is not (nameof(ITaskEngineGrain.ClaimAsync) or nameof(ITaskEngineGrain.ClaimUpToAsync))
            || context.Request.GetArgument(1) is not TimeSpan { Ticks: > 0 })
        {
            await context.Invoke();
            return;
        }

        // The engine runs a claim up to its first await: with task ids at hand and no work, that is the wait, by
        // which time the claim is listed for the next queued job.
        var claim = context.Invoke();
        var waiting = !claim.IsCompleted;
        if (waiting)
        {
            Interlocked.Increment(ref _inCall);
        }

        try
        {
            await claim;
        }
        finally
        {
            if (waiting)
            {
                Interlocked.Decrement(ref _inCall);
            }
        }
    }
}
