using Planekeeper.Configuration;

namespace Planekeeper.WebFrontend.Availability;

/// <summary>
/// Maintenance mode and the outage check of the public surfaces (docs/operations.md, "Maintenance and outages"):
/// <c>MAINTENANCE_MODE</c>, <c>MAINTENANCE_RETRY_AFTER</c> (the <c>Retry-After</c> it sends, 5m),
/// <c>OUTAGE_CHECK_INTERVAL</c> (10s) and <c>OUTAGE_FAILURE_THRESHOLD</c> (consecutive failed checks, 2).
/// </summary>
public sealed record AvailabilitySettings(bool MaintenanceMode, TimeSpan MaintenanceRetryAfter, TimeSpan OutageCheckInterval, int OutageFailureThreshold)
{
    public static AvailabilitySettings FromConfiguration(IConfiguration configuration)
    {
        var threshold = PositiveIntegerSetting.Read(configuration, "OUTAGE_FAILURE_THRESHOLD", 2);
        if (threshold > 100)
        {
            throw new StartupConfigurationException($"OUTAGE_FAILURE_THRESHOLD must be at most 100, got '{threshold}'");
        }

        return new AvailabilitySettings(
            BooleanSetting.Read(configuration, "MAINTENANCE_MODE"),
            DurationSetting.Read(configuration, "MAINTENANCE_RETRY_AFTER", TimeSpan.FromMinutes(5)),
            DurationSetting.Read(configuration, "OUTAGE_CHECK_INTERVAL", TimeSpan.FromSeconds(10)),
            threshold);
    }
}
