using System.Globalization;
using Planekeeper.Configuration;
using Planekeeper.Grains.Alerts;

namespace Planekeeper.Silo.Hosting;

/// <summary>Reads <see cref="AlertSettings"/> from <c>ALERT_RETENTION_DAYS</c> and <c>ALERT_RECONCILE_INTERVAL</c>.</summary>
public static class AlertSettingsReader
{
    public static AlertSettings Read(IConfiguration configuration)
    {
        var defaults = AlertSettings.Default;
        var interval = DurationSetting.Read(configuration, "ALERT_RECONCILE_INTERVAL", defaults.ReconcileInterval);
        if (interval < TimeSpan.FromMinutes(1))
        {
            throw new StartupConfigurationException($"ALERT_RECONCILE_INTERVAL must be at least 1m (it runs on a reminder), got {interval}");
        }

        var days = configuration["ALERT_RETENTION_DAYS"]?.Trim();
        if (string.IsNullOrEmpty(days))
        {
            return defaults with { ReconcileInterval = interval };
        }

        return int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var retention) && retention is > 0 and <= 36500
            ? new AlertSettings(retention, interval)
            : throw new StartupConfigurationException($"ALERT_RETENTION_DAYS must be a whole number of days from 1 to 36500, got '{days}'");
    }
}
