using Planekeeper.Grains.Interfaces.Settings;

namespace Planekeeper.WebFrontend.Announcements;

/// <summary>
/// Reads the global setting <c>maintenance_banner</c> every <c>BANNER_REFRESH_INTERVAL</c> (30 s), so a banner set or
/// cleared on any frontend shows on every frontend's pages within that interval, without a cluster call per page.
/// While the cluster cannot be asked, the last banner read stays.
/// </summary>
public sealed class BannerRefresher(
    IClusterClient cluster, CurrentBanner current, BannerSettings settings, TimeProvider clock, ILogger<BannerRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.RefreshInterval, clock);
        do
        {
            await RefreshAsync();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RefreshAsync()
    {
        try
        {
            var settings = await cluster.GetGrain<ISettingsGrain>(0).ListAsync();
            current.Set(MaintenanceBanner.Parse(settings.GetValueOrDefault(MaintenanceBanner.Setting), out _));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogDebug("The maintenance banner could not be read; the last one stays: {Reason}", e.Message);
        }
    }
}
