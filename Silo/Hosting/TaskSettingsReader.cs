using Planekeeper.Configuration;
using Planekeeper.Grains.Tasks;

namespace Planekeeper.Silo.Hosting;

/// <summary>Reads <see cref="TaskSettings"/> from <c>TASK_LEASE_SECONDS</c>, <c>TASK_MAX_ATTEMPTS</c>, <c>TASK_STALE_AFTER</c> and <c>TASK_SWEEP_INTERVAL</c>.</summary>
public static class TaskSettingsReader
{
    public static TaskSettings Read(IConfiguration configuration)
    {
        var defaults = TaskSettings.Default;
        var sweep = DurationSetting.Read(configuration, "TASK_SWEEP_INTERVAL", defaults.SweepInterval);
        if (sweep < TimeSpan.FromMinutes(1))
        {
            throw new StartupConfigurationException($"TASK_SWEEP_INTERVAL must be at least 1m (each sweep reloads every job of the organization), got {sweep}");
        }

        return new TaskSettings(
            TimeSpan.FromSeconds(PositiveIntegerSetting.Read(configuration, "TASK_LEASE_SECONDS", (int)defaults.LeaseDuration.TotalSeconds)),
            PositiveIntegerSetting.Read(configuration, "TASK_MAX_ATTEMPTS", defaults.MaxAttempts),
            DurationSetting.Read(configuration, "TASK_STALE_AFTER", defaults.StaleAfter),
            sweep);
    }
}
