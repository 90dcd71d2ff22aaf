using System.Collections.Concurrent;
using System.Diagnostics;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Bench.Scale;

/// <summary>
/// Server agents draining every organization's due jobs through server dispatch, as the frontend calls it for an
/// Agent API claim (long-polling 2 s), each completing what it got with one release. Records each due job's lag: when
/// its claim returned minus its next_run_at; and where an agent's time went (claim calls, completions, claims that
/// came back empty), to tell a saturated fleet from work that was not there yet.
/// </summary>
public sealed class DrainingAgents(IGrainFactory grains, IReadOnlyDictionary<long, DateTime> due, int count)
{
    /// <summary>How many agents drain unless <c>--agents</c> says otherwise.</summary>
    public const int DefaultCount = 8;

    /// <summary>The lag is also reported by when jobs fell due, in slices of the window this long.</summary>
    public static readonly TimeSpan Slice = TimeSpan.FromSeconds(10);

    private static readonly TaskResult OneRelease = new([new FoundRelease("v1", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), false, null, null)], null, null);

    private readonly ConcurrentDictionary<long, (DateTime DueAt, double LagMs)> _claimed = new();
    private readonly ConcurrentBag<double> _claimCallMs = [];
    private readonly ConcurrentBag<double> _completeCallMs = [];
    private int _failures;
    private int _emptyClaims;

    public IReadOnlyCollection<double> Lags => _claimed.Values.Select(claim => claim.LagMs).ToList();

    public int Claimed => _claimed.Count;

    public int Failures => _failures;

    public int EmptyClaims => _emptyClaims;

    /// <summary>The share of the agents' time spent in calls that got (or completed) a job: near 1, the fleet is saturated.</summary>
    public double BusyShare(TimeSpan drained) => (_claimCallMs.Sum() + _completeCallMs.Sum()) / (count * drained.TotalMilliseconds);

    public Percentiles ClaimCalls => Percentiles.Of(_claimCallMs.ToList());

    public Percentiles CompleteCalls => Percentiles.Of(_completeCallMs.ToList());

    /// <summary>The lag of the jobs due in each <see cref="Slice"/> from <paramref name="start"/> on.</summary>
    public List<Percentiles> LagsBySlice(DateTime start) => _claimed.Values
        .GroupBy(claim => (int)((claim.DueAt - start) / Slice))
        .OrderBy(slice => slice.Key)
        .Select(slice => Percentiles.Of(slice.Select(claim => claim.LagMs).ToList()))
        .ToList();

    public Task RunUntilAsync(DateTime stopAt) => Task.WhenAll(Enumerable.Range(1, count).Select(agent => DrainAsync(1_000_000 + agent, stopAt)));

    private async Task DrainAsync(long agentId, DateTime stopAt)
    {
        var agent = new ClaimingAgent(agentId, ClaimingAgent.GlobalOrganizationId, ["gather"], []);
        var dispatch = grains.GetGrain<IServerDispatchGrain>(0);
        while (DateTime.UtcNow < stopAt && _claimed.Count < due.Count)
        {
            try
            {
                var call = Stopwatch.StartNew();
                if (await dispatch.ClaimAsync(agent, TimeSpan.FromSeconds(2)) is not { } task)
                {
                    Interlocked.Increment(ref _emptyClaims);
                    continue;
                }

                _claimCallMs.Add(call.Elapsed.TotalMilliseconds);
                if (due.TryGetValue(task.JobId, out var dueAt))
                {
                    _claimed[task.JobId] = (dueAt, (DateTime.UtcNow - dueAt).TotalMilliseconds);
                }

                call.Restart();
                await grains.GetGrain<ITaskEngineGrain>(task.OrganizationId).CompleteAsync(agentId, task.TaskId, OneRelease, null);
                _completeCallMs.Add(call.Elapsed.TotalMilliseconds);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref _failures);
            }
        }
    }
}
