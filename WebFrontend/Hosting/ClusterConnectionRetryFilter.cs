namespace Planekeeper.WebFrontend.Hosting;

/// <summary>Keeps trying to reach the cluster at start, one line per attempt, until the host stops.</summary>
public sealed class ClusterConnectionRetryFilter(ILogger<ClusterConnectionRetryFilter> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);
    private int _attempt;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempt);
        logger.LogWarning("Cluster not reachable yet (attempt {Attempt}): {Reason}; retrying in {Delay}", attempt, exception.Message, Delay);
        try
        {
            await Task.Delay(Delay, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
