using System.Threading.RateLimiting;
using Planekeeper.Grains.Interfaces.RateLimiting;

namespace Planekeeper.WebFrontend.RateLimiting;

/// <summary>
/// ASP.NET Core's rate-limiter shape over one partition's window in the cluster. Nothing is decided in memory:
/// <see cref="AttemptAcquireCore"/> never grants, so the middleware always goes on to <see cref="AcquireAsyncCore"/>,
/// which asks the cluster (or remembers that it refused).
/// </summary>
public sealed class ClusterRateLimiter(string partition, RateLimitPolicy policy, ClusterRateLimits limits, TimeProvider clock) : RateLimiter
{
    private long _lastUsed = clock.GetTimestamp();

    public override TimeSpan? IdleDuration => clock.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        limits.IsRefused(partition, out var retryAfter) ? new Lease(false, retryAfter) : new Lease(false, null);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, clock.GetTimestamp());
        var decision = await limits.TryAcquireAsync(partition, policy);
        return new Lease(decision.Acquired, decision.Acquired ? null : decision.RetryAfter);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
