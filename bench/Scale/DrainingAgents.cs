using System.Collections.Concurrent;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Bench.Scale;

/// <summary>
/// Server agents draining every organization's due jobs through server dispatch, as the frontend calls it for an
/// Agent API claim (long-polling 2 s), each completing what it got with one release. Records each due job's lag: when
/// its claim returned minus its next_run_at.
/// </summary>
public sealed class DrainingAgents(IGrainFactory grains, IReadOnlyDictionary<long, DateTime> due)
{
    public const int Count = 8;

    private static readonly TaskResult OneRelease = new([new FoundRelease("v1", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), false, null, null)], null, null);

    private readonly ConcurrentDictionary<long, double> _lagMs = new();
    private int _failures;

    public IReadOnlyCollection<double> Lags => _lagMs.Values.ToList();

    public int Claimed => _lagMs.Count;

    public int Failures => _failures;

    public Task RunUntilAsync(DateTime stopAt) => Task.WhenAll(Enumerable.Range(1, Count).Select(agent => DrainAsync(1_000_000 + agent, stopAt)));

    private async Task DrainAsync(long agentId, DateTime stopAt)
    {
        var agent = new ClaimingAgent(agentId, ClaimingAgent.GlobalOrganizationId, ["gather"], []);
        var dispatch = grains.GetGrain<IServerDispatchGrain>(0);
        while (DateTime.UtcNow < stopAt && _lagMs.Count < due.Count)
        {
            try
            {
                if (await dispatch.ClaimAsync(agent, TimeSpan.FromSeconds(2)) is not { } task)
                {
                    continue;
                }

                if (due.TryGetValue(task.JobId, out var dueAt))
                {
                    _lagMs[task.JobId] = (DateTime.UtcNow - dueAt).TotalMilliseconds;
                }

                await grains.GetGrain<ITaskEngineGrain>(task.OrganizationId).CompleteAsync(agentId, task.TaskId, OneRelease, null);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref _failures);
            }
        }
    }
}
