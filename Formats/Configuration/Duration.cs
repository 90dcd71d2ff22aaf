using System.Globalization;

namespace Planekeeper.Configuration;

/// <summary>Durations as settings and query parameters write them: <c>15s</c>, <c>5m</c>, <c>1h</c> or a number of seconds.</summary>
public static class Duration
{
    public const string ExpectedForm = "a duration such as 15s, 5m or 1h (at most 366 days)";

    /// <summary>Longer than any interval the product needs, and far from where date arithmetic overflows.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(366);

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            return false;
        }

        var (number, unit) = char.IsLetter(value[^1]) ? (value[..^1], value[^1]) : (value, 's');
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || unit is not ('s' or 'm' or 'h'))
        {
            return false;
        }

        var seconds = unit switch
        {
            's' => amount,
            'm' => amount * 60,
            _ => amount * 3600,
        };
        if (amount > (long)Longest.TotalSeconds || seconds > Longest.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
