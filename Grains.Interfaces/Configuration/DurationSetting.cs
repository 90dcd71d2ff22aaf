using Microsoft.Extensions.Configuration;

namespace Planekeeper.Configuration;

/// <summary>A duration setting (<see cref="Duration"/>); a malformed value stops the program at start with a clear message.</summary>
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
