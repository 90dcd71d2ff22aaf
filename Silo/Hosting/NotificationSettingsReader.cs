using Planekeeper.Configuration;
using Planekeeper.Grains.Notifications;

namespace Planekeeper.Silo.Hosting;

/// <summary>
/// Reads <see cref="NotificationSettings"/>: <c>NOTIFICATION_BASE_URL</c> (default: <c>PLANEKEEPER_PUBLIC_URL</c>, else the local frontend),
/// <c>NOTIFICATION_ACK_TOKEN_EXPIRY</c> (24h) and <c>NOTIFICATION_RETRY_SCHEDULE</c> (comma-separated durations; tests).
/// </summary>
public static class NotificationSettingsReader
{
    public static NotificationSettings Read(IConfiguration configuration)
    {
        var defaults = NotificationSettings.Default;
        var baseUrl = configuration["NOTIFICATION_BASE_URL"]?.Trim() is { Length: > 0 } configured ? configured
            : configuration["PLANEKEEPER_PUBLIC_URL"]?.Trim() is { Length: > 0 } publicUrl ? publicUrl
            : $"http://localhost:{configuration["PLANEKEEPER_HTTP_PORT"] ?? "8080"}";
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new StartupConfigurationException($"NOTIFICATION_BASE_URL must be an http(s) URL, got '{baseUrl}'");
        }

        return new NotificationSettings(
            baseUrl.TrimEnd('/'),
            DurationSetting.Read(configuration, "NOTIFICATION_ACK_TOKEN_EXPIRY", defaults.AckTokenExpiry),
            RetrySchedule(configuration["NOTIFICATION_RETRY_SCHEDULE"]) ?? defaults.RetrySchedule);
    }

    private static IReadOnlyList<TimeSpan>? RetrySchedule(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var delays = new List<TimeSpan>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            delays.Add(Duration.TryParse(part, out var delay) && delay > TimeSpan.Zero
                ? delay
                : throw new StartupConfigurationException($"NOTIFICATION_RETRY_SCHEDULE must be comma-separated durations ({Duration.ExpectedForm}), got '{part}'"));
        }

        return delays;
    }
}
