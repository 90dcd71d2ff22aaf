using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>
/// A grain call filter counting the long-polling claims a task engine holds, so a test can queue a job once an agent
/// is known to be waiting instead of sleeping and hoping it is.
/// </summary>
public sealed class WaitingClaims : IIncomingGrainCallFilter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType != typeof(ITaskEngineGrain) || context.MethodName is not (nameof(ITaskEngineGrain.ClaimAsync) or nameof(ITaskEngineGrain.ClaimUpToAsync))
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
            Interlocked.Increment(ref _count);
        }

        try
        {
            await claim;
        }
        finally
        {
            if (waiting)
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }
}
