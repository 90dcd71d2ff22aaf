using Planekeeper.Configuration;

namespace Planekeeper.Silo.Hosting;

/// <summary>A whole-number setting; a malformed value stops the silo with a clear message.</summary>
public static class IntegerSetting
{
    public static int ReadPositive(IConfiguration configuration, string key, int defaultValue)
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
