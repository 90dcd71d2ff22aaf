using Planekeeper.Grains.Interfaces.Health;

namespace Planekeeper.WebFrontend.Health;

/// <summary>
/// Asks the cluster's health grain, which checks the database from inside the cluster.
/// No answer within <see cref="ClusterTimeout"/> means the cluster is not ready, whatever the database does.
/// The answer is for anyone, so it says only which dependency failed; why (the exception or database error, and which
/// silo answered) goes to the frontend's log and is shown on the silo's health port (docs/operations.md).
/// </summary>
public sealed class ReadinessProbe(IClusterClient cluster, ILogger<ReadinessProbe> logger)
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
            logger.LogWarning("Not ready: the cluster did not answer: {Reason}", e.Message.ReplaceLineEndings(" "));
            return new ReadinessReport("unavailable", "unknown", "unavailable");
        }

        if (report.DatabaseOk)
        {
            return new ReadinessReport("ready", "ok", "ok");
        }

        logger.LogWarning("Not ready: silo {Silo} could not reach the database: {Reason}", report.Silo, report.DatabaseError);
        return new ReadinessReport("unavailable", "unavailable", "ok");
    }
}
