namespace Planekeeper.Configuration;

/// <summary>Durations as settings and query parameters write them: <c>15s</c>, <c>5m</c>, <c>1h</c> or a number of seconds.</summary>
public static class Duration
{
    public const string ExpectedForm = "a duration such as 15s, 5m or 1h";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            return false;
        }

        var (number, unit) = char.IsLetter(value[^1]) ? (value[..^1], value[^1]) : (value, 's');
        if (!int.TryParse(number, out var amount) || amount <= 0 || unit is not ('s' or 'm' or 'h'))
        {
            return false;
        }

        duration = unit switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.FromHours(amount),
        };
        return true;
    }
}
