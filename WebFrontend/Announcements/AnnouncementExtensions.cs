namespace Planekeeper.WebFrontend.Announcements;

public static class AnnouncementExtensions
{
    public static void AddPlanekeeperBanner(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(BannerSettings.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton<CurrentBanner>();
        builder.Services.AddHostedService<BannerRefresher>();
    }
}
