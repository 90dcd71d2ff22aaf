using System.Globalization;

namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>Timestamps as notifications write them: ISO 8601 in UTC to the second, e.g. <c>2026-11-28T12:00:00Z</c>.</summary>
internal static class UtcTimestamp
{
    public static string Iso(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
