using Microsoft.Extensions.Configuration;

namespace Planekeeper.Configuration;

/// <summary>A setting that must be a whole number above zero; anything else stops the process with one line.</summary>
public static class PositiveIntegerSetting
{
    public static int Read(IConfiguration configuration, string key, int defaultValue)
    {
        var value = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return defaultValue;
        }

        return int.TryParse(value, out var number) && number > 0
            ? number
            : throw new StartupConfigurationException($"{key} must be a positive whole number, got '{value}'");
    }
}
