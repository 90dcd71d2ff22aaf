using Planekeeper.Configuration;

namespace Planekeeper.Silo.Hosting;

/// <summary>Durations written as <c>15s</c>, <c>5m</c>, <c>1h</c> or a number of seconds.</summary>
public static class DurationSetting
{
    public static TimeSpan Read(IConfiguration configuration, string key, TimeSpan defaultValue)
    {
        var value = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return defaultValue;
        }

        var (number, unit) = char.IsLetter(value[^1]) ? (value[..^1], value[^1]) : (value, 's');
        if (!int.TryParse(number, out var amount) || amount <= 0 || unit is not ('s' or 'm' or 'h'))
        {
            throw new StartupConfigurationException($"{key} must be a duration such as 15s, 5m or 1h, got '{value}'");
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.FromHours(amount),
        };
    }
}
