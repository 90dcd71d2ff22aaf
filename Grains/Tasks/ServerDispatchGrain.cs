using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// Server agents' way to every organization's credential-free jobs: organizations with such work wait in a
/// rotation and each claim asks them in turn (oldest job first within one organization), so a busy
/// organization cannot starve the others. Soft state: rebuilt from the job tables on activation.
/// </summary>
[Reentrant]
[GrainType("planekeeper.tasks.server-dispatch")]
public sealed class ServerDispatchGrain(TaskStore store, TimeProvider clock) : Grain, IServerDispatchGrain
{
    private readonly Queue<long> _rotation = new();
    private readonly HashSet<long> _inRotation = [];
    private TaskCompletionSource _newWork = NewSignal();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var organization in await store.OrganizationsWithServerWorkAsync(cancellationToken))
        {
            Keep(organization);
        }
    }

    public async Task<TaskAssignment?> ClaimAsync(ClaimingAgent agent, TimeSpan wait)
    {
        var deadline = clock.GetUtcNow() + (wait < TaskSettings.MaxClaimWait ? wait : TaskSettings.MaxClaimWait);
        while (true)
        {
            var newWork = _newWork.Task;
            if (await ClaimInTurnAsync(agent) is { } assignment)
            {
                return assignment;
            }

            var left = deadline - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            await Task.WhenAny(newWork, Task.Delay(left));
        }
    }

    public Task OfferAsync(long organizationId)
    {
        Keep(organizationId);
        var signal = _newWork;
        _newWork = NewSignal();
        signal.TrySetResult();
        return Task.CompletedTask;
    }

    private async Task<TaskAssignment?> ClaimInTurnAsync(ClaimingAgent agent)
    {
        for (var turns = _rotation.Count; turns > 0 && _rotation.Count > 0; turns--)
        {
            var organization = _rotation.Dequeue();
            _inRotation.Remove(organization);
            var claim = await GrainFactory.GetGrain<ITaskEngineGrain>(organization).ClaimForServerAgentAsync(agent);
            if (claim.HasMore)
            {
                Keep(organization);
            }

            if (claim.Task is { } assignment)
            {
                return assignment;
            }
        }

        return null;
    }

    private void Keep(long organization)
    {
        if (_inRotation.Add(organization))
        {
            _rotation.Enqueue(organization);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
