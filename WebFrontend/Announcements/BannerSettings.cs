using Planekeeper.Configuration;

namespace Planekeeper.WebFrontend.Announcements;

/// <summary><c>BANNER_REFRESH_INTERVAL</c> (30 s): how often the frontend reads the maintenance banner.</summary>
public sealed record BannerSettings(TimeSpan RefreshInterval)
{
    public static BannerSettings FromConfiguration(IConfiguration configuration) =>
        new(DurationSetting.Read(configuration, "BANNER_REFRESH_INTERVAL", TimeSpan.FromSeconds(30)));
}
