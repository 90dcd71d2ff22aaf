using Planekeeper.WebFrontend.Health;

namespace Planekeeper.WebFrontend.Availability;

public static class AvailabilityExtensions
{
    /// <summary>Maintenance mode and the outage monitor.</summary>
    public static void AddPlanekeeperAvailability(this WebApplicationBuilder builder)
    {
        var settings = AvailabilitySettings.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(new OutageState(settings.OutageFailureThreshold));
        builder.Services.AddSingleton<ReadinessProbe>();
        builder.Services.AddHostedService<OutageMonitor>();
    }
}
