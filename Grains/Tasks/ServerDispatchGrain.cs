using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// Server agents' way to every organization's credential-free jobs: organizations with such work wait in a
/// rotation and each claim asks them in turn (oldest job first within one organization), so a busy
/// organization cannot starve the others (docs/jobs.md, "Server agents"). Soft state: rebuilt from the job tables on
/// activation.
/// </summary>
[Reentrant]
[GrainType("planekeeper.tasks.server-dispatch")]
public sealed class ServerDispatchGrain(TaskStore store, GrainReferences references, TimeProvider clock) : Grain, IServerDispatchGrain
{
    /// <summary>
    /// A claim asks the first organization alone (it usually has a task), then groups four times larger each, up to
    /// this many organizations completing their shared gathers at once.
    /// </summary>
    private const int MostOrganizationsAtOnce = 64;

    private const int GroupGrowth = 4;

    private readonly ServerRotation _rotation = new();
    private TaskCompletionSource _newWork = NewSignal();

    /// <summary>The agents long-polling now, each with the signal that ends its wait early.</summary>
    private readonly Dictionary<long, TaskCompletionSource> _stopWaiting = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var organization in await store.OrganizationsWithServerWorkAsync(clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            _rotation.Keep(organization);
        }
    }

    public async Task<TaskAssignment?> ClaimAsync(ClaimingAgent agent, TimeSpan wait)
    {
        var deadline = clock.GetUtcNow() + (wait < TaskSettings.MaxClaimWait ? wait : TaskSettings.MaxClaimWait);
        var stop = NewSignal();
        _stopWaiting[agent.AgentId] = stop;
        try
        {
            while (true)
            {
                var newWork = _newWork.Task;
                if (await ClaimInTurnAsync(agent) is { } assignment)
                {
                    return assignment;
                }

                var left = deadline - clock.GetUtcNow();
                if (left <= TimeSpan.Zero || stop.Task.IsCompleted)
                {
                    return null;
                }

                await Task.WhenAny(newWork, stop.Task, Task.Delay(left));
            }
        }
        finally
        {
            if (_stopWaiting.TryGetValue(agent.AgentId, out var current) && current == stop)
            {
                _stopWaiting.Remove(agent.AgentId);
            }
        }
    }

    public Task StopWaitingAsync(long agentId)
    {
        if (_stopWaiting.Remove(agentId, out var stop))
        {
            stop.TrySetResult();
        }

        return Task.CompletedTask;
    }

    public Task OfferAsync(long organizationId)
    {
        _rotation.Keep(organizationId);
        var signal = _newWork;
        _newWork = NewSignal();
        signal.TrySetResult();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Organizations are taken from the front of the rotation a group at a time (growing, see
    /// <see cref="MostOrganizationsAtOnce"/>). The group first completes its due gathers from the shared upstream cache,
    /// all at once; then its organizations with work left are asked in turn. Those not reached because one answered go
    /// back to the front, in order: their turn is still to come.
    /// </summary>
    private async Task<TaskAssignment?> ClaimInTurnAsync(ClaimingAgent agent)
    {
        var size = 1;
        for (var turns = _rotation.Count; turns > 0 && _rotation.Count > 0; size = Math.Min(size * GroupGrowth, MostOrganizationsAtOnce))
        {
            var group = _rotation.TakeFront(Math.Min(turns, size));
            turns -= group.Count;
            // A lone organization completes its shared gathers within its claim; a group does so first, all at once.
            var hasWork = group.Count == 1 ? [true] : await Task.WhenAll(group.Select(organization => CompleteSharedGathersAsync(organization, agent)));
            var next = 0;
            try
            {
                while (next < group.Count)
                {
                    var organization = group[next++];
                    if (hasWork[next - 1] && await ClaimFromAsync(organization, agent) is { } assignment)
                    {
                        return assignment;
                    }
                }
            }
            finally
            {
                _rotation.PutBackInFront(group.Skip(next).Where((_, j) => hasWork[next + j]).ToList());
            }
        }

        return null;
    }

    private async Task<TaskAssignment?> ClaimFromAsync(long organization, ClaimingAgent agent)
    {
        var claim = await Engine(organization).ClaimForServerAgentAsync(agent);
        if (claim.HasMore)
        {
            _rotation.Keep(organization);
        }

        return claim.Task;
    }

    private async Task<bool> CompleteSharedGathersAsync(long organization, ClaimingAgent agent)
    {
        try
        {
            return await Engine(organization).CompleteSharedGathersAsync(agent);
        }
        catch (Exception)
        {
            // Its claim in turn meets the same failure and reports it, as a claim of it always did.
            return true;
        }
    }

    private ITaskEngineGrain Engine(long organization) => references.Get<ITaskEngineGrain>(organization);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
