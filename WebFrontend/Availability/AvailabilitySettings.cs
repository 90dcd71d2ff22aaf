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
        var threshold = configuration["OUTAGE_FAILURE_THRESHOLD"]?.Trim() is { Length: > 0 } value
            ? int.TryParse(value, out var parsed) && parsed is >= 1 and <= 100
                ? parsed
                : throw new StartupConfigurationException($"OUTAGE_FAILURE_THRESHOLD must be a whole number from 1 to 100, got '{value}'")
            : 2;
        return new AvailabilitySettings(
            BooleanSetting.Read(configuration, "MAINTENANCE_MODE"),
            DurationSetting.Read(configuration, "MAINTENANCE_RETRY_AFTER", TimeSpan.FromMinutes(5)),
            DurationSetting.Read(configuration, "OUTAGE_CHECK_INTERVAL", TimeSpan.FromSeconds(10)),
            threshold);
    }
}
