using Npgsql;
using Planekeeper.Grains.Interfaces.Health;

namespace Planekeeper.Grains.Health;

[GrainType("planekeeper.health.cluster")]
public sealed class ClusterHealthGrain(NpgsqlDataSource database) : Grain, IClusterHealthGrain
{
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(2);

    public async Task<ClusterHealthReport> CheckAsync()
    {
        var silo = RuntimeIdentity;
        try
        {
            using var timeout = new CancellationTokenSource(DatabaseTimeout);
            await using var command = database.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return new ClusterHealthReport(true, null, silo);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return new ClusterHealthReport(false, e.Message.ReplaceLineEndings(" "), silo);
        }
    }
}
