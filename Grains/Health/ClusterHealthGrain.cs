using Npgsql;
using Planekeeper.Grains.Interfaces.Health;

namespace Planekeeper.Grains.Health;

[GrainType("planekeeper.health.cluster")]
public sealed class ClusterHealthGrain(HealthStore store) : Grain, IClusterHealthGrain
{
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(2);

    public async Task<ClusterHealthReport> CheckAsync()
    {
        var silo = RuntimeIdentity;
        try
        {
            using var timeout = new CancellationTokenSource(DatabaseTimeout);
            await store.PingAsync(timeout.Token);
            return new ClusterHealthReport(true, null, silo);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return new ClusterHealthReport(false, e.Message.ReplaceLineEndings(" "), silo);
        }
    }
}
