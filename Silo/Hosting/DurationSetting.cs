using Planekeeper.Configuration;

namespace Planekeeper.Silo.Hosting;

/// <summary>A duration setting (<see cref="Duration"/>); a malformed value stops the silo with a clear message.</summary>
public static class DurationSetting
{
    public static TimeSpan Read(IConfiguration configuration, string key, TimeSpan defaultValue)
    {
        var value = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return defaultValue;
        }

        return Duration.TryParse(value, out var duration)
            ? duration
            : throw new StartupConfigurationException($"{key} must be {Duration.ExpectedForm}, got '{value}'");
    }
}
