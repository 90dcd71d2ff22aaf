using Planekeeper.Grains.Interfaces.Health;

namespace Planekeeper.WebFrontend.Health;

/// <summary>
/// Asks the cluster's health grain, which checks the database from inside the cluster.
/// No answer within <see cref="ClusterTimeout"/> means the cluster is not ready, whatever the database does.
/// </summary>
public sealed class ReadinessProbe(IClusterClient cluster)
{
    public static readonly TimeSpan ClusterTimeout = TimeSpan.FromSeconds(3);

    public async Task<ReadinessReport> CheckAsync(CancellationToken cancellationToken)
    {
        ClusterHealthReport report;
        try
        {
            report = await cluster.GetGrain<IClusterHealthGrain>(IClusterHealthGrain.Key)
                .CheckAsync()
                .WaitAsync(ClusterTimeout, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return new ReadinessReport("unavailable", "unknown", $"unavailable: {e.Message.ReplaceLineEndings(" ")}", null);
        }

        return report.DatabaseOk
            ? new ReadinessReport("ready", "ok", "ok", report.Silo)
            : new ReadinessReport("unavailable", $"unavailable: {report.DatabaseError}", "ok", report.Silo);
    }
}
