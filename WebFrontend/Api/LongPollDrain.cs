using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.WebFrontend.Api;

/// <summary>
/// The claims long-polling on this frontend. When the frontend begins to stop, it asks the cluster to end them at once
/// (a job already handed out is still answered), and each answers 503 with <c>Retry-After</c> instead of holding the
/// shutdown for up to 25 s; the agent claims again through another frontend (docs/deploy.md, "Graceful shutdown").
/// </summary>
public sealed class LongPollDrain
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, (long OrganizationId, int Count)> _held = [];
    private readonly IClusterClient _cluster;
    private bool _draining;

    public LongPollDrain(IClusterClient cluster, IHostApplicationLifetime lifetime)
    {
        _cluster = cluster;
        lifetime.ApplicationStopping.Register(Drain);
    }

    public bool IsDraining
    {
        get
        {
            lock (_lock)
            {
                return _draining;
            }
        }
    }

    /// <summary>
    /// Registers a long-poll for its duration; null when the frontend is already stopping (do not wait then). When the
    /// agent goes away first (<paramref name="abandoned"/>: it closed the request, e.g. while stopping), its wait in the
    /// cluster ends at once: a job queued meanwhile, such as a task the agent hands back as it stops, is not claimed for
    /// an agent that no longer listens (docs/jobs.md, "Claiming").
    /// </summary>
    public IDisposable? Hold(long agentId, long organizationId, CancellationToken abandoned)
    {
        lock (_lock)
        {
            if (_draining)
            {
                return null;
            }

            _held[agentId] = (organizationId, _held.GetValueOrDefault(agentId).Count + 1);
            return new Release(this, agentId, abandoned.Register(() => _ = StopWaitingAsync(agentId, organizationId)));
        }
    }

    /// <summary>
    /// Asks again every <see cref="Resend"/> while polls are held: a claim still on its way to the cluster when the first
    /// request arrived would otherwise wait its whole time. Runs in the background: the stopping host does not wait on it.
    /// </summary>
    private void Drain()
    {
        lock (_lock)
        {
            _draining = true;
        }

        _ = Task.Run(async () =>
        {
            for (var round = 0; round < MostRounds && HeldNow() is { Count: > 0 } held; round++)
            {
                foreach (var (agentId, organizationId) in held)
                {
                    _ = StopWaitingAsync(agentId, organizationId);
                }

                await Task.Delay(Resend);
            }
        });
    }

    private static readonly TimeSpan Resend = TimeSpan.FromMilliseconds(250);

    /// <summary>Long enough to cover the frontend's whole shutdown (<see cref="Hosting.GracefulShutdown.Timeout"/>).</summary>
    private const int MostRounds = 40;

    private List<(long AgentId, long OrganizationId)> HeldNow()
    {
        lock (_lock)
        {
            return _held.Select(entry => (entry.Key, entry.Value.OrganizationId)).ToList();
        }
    }

    private Task StopWaitingAsync(long agentId, long organizationId) => organizationId == ClaimingAgent.GlobalOrganizationId
        ? _cluster.GetGrain<IServerDispatchGrain>(0).StopWaitingAsync(agentId)
        : _cluster.GetGrain<ITaskEngineGrain>(organizationId).StopWaitingAsync(agentId);

    private void Forget(long agentId)
    {
        lock (_lock)
        {
            var (organizationId, count) = _held[agentId];
            if (count == 1)
            {
                _held.Remove(agentId);
            }
            else
            {
                _held[agentId] = (organizationId, count - 1);
            }
        }
    }

    private sealed class Release(LongPollDrain drain, long agentId, CancellationTokenRegistration onAbandoned) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                onAbandoned.Dispose();
                drain.Forget(agentId);
            }
        }
    }
}
