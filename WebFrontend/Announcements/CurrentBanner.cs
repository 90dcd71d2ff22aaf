using Planekeeper.Grains.Interfaces.Settings;

namespace Planekeeper.WebFrontend.Announcements;

/// <summary>The maintenance banner as last read from the cluster (<see cref="BannerRefresher"/>); null when none is set.</summary>
public sealed class CurrentBanner
{
    private volatile MaintenanceBanner? _banner;

    public MaintenanceBanner? Banner => _banner;

    public void Set(MaintenanceBanner? banner) => _banner = banner;
}
