using Planekeeper.Grains.Interfaces.Access;

namespace Planekeeper.WebFrontend.Identity;

/// <summary>
/// Reads the access changes recorded since the last one applied, every <see cref="ReadInterval"/>, and applies them to
/// this frontend's caches (docs/security.md, "Verified API keys"). While reads succeed, a cached answer is kept up to
/// <see cref="AnswerLifetimes.Confirmed"/>; when they fail for a second, answers end a second after they were asked for.
/// </summary>
public sealed class AccessChangeFeed(IClusterClient cluster, AccessCacheObserver cache, TimeProvider clock, ILogger<AccessChangeFeed> logger) : BackgroundService
{
    public static readonly TimeSpan ReadInterval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ReadInterval, clock);
        do
        {
            await ReadAsync();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ReadAsync()
    {
        try
        {
            var sentAt = clock.GetUtcNow();
            cache.Apply(await cluster.GetGrain<IAccessChangeFeedGrain>(0).SinceAsync(cache.Cursor.Applied), sentAt);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogDebug("The access change feed could not be read; cached answers end within a second: {Reason}", e.Message);
        }
    }
}
