using Orleans.Concurrency;

namespace Planekeeper.Grains.Interfaces.Tasks;

/// <summary>
/// Hands server agents the credential-free jobs of every organization, taking organizations in turn so a busy
/// one cannot starve the others. Engines tell it when they have such work. Key: 0.
/// </summary>
[Alias("planekeeper.tasks.server-dispatch")]
public interface IServerDispatchGrain : IGrainWithIntegerKey
{
    [Alias("claim")]
    Task<TaskAssignment?> ClaimAsync(ClaimingAgent agent, TimeSpan wait);

    /// <summary>The server agent's long-polling claims end now with nothing (see <see cref="ITaskEngineGrain.StopWaitingAsync"/>).</summary>
    [Alias("stop-waiting")]
    Task StopWaitingAsync(long agentId);

    /// <summary>The organization has due jobs without a credential. One-way: the engine never waits for it.</summary>
    [OneWay]
    [Alias("offer")]
    Task OfferAsync(long organizationId);
}
