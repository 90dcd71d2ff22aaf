using Cronos;

namespace Planekeeper.Grains.Scheduling;

/// <summary>A standard 5-field cron expression, evaluated in UTC (Cronos).</summary>
public sealed class CronSchedule
{
    private readonly CronExpression _expression;

    private CronSchedule(string expression, CronExpression parsed)
    {
        Expression = expression;
        _expression = parsed;
    }

    public string Expression { get; }

    public static bool TryParse(string? expression, out CronSchedule? schedule, out string? error)
    {
        schedule = null;
        error = null;
        var trimmed = expression?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            error = "schedule is empty";
            return false;
        }

        try
        {
            schedule = new CronSchedule(trimmed, CronExpression.Parse(trimmed, CronFormat.Standard));
            return true;
        }
        catch (CronFormatException e)
        {
            error = $"schedule must be a 5-field cron expression (minute hour day-of-month month day-of-week): {e.Message}";
            return false;
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="utcNow"/>, in UTC; null if there is none.</summary>
    public DateTime? NextAfter(DateTime utcNow) =>
        _expression.GetNextOccurrence(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), TimeZoneInfo.Utc, inclusive: false);
}
