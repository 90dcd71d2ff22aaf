using System.Diagnostics.CodeAnalysis;
using Cronos;

namespace Planekeeper.Grains.Scheduling;

/// <summary>A standard 5-field cron expression (minute hour day-of-month month day-of-week), evaluated in UTC.</summary>
public sealed class CronSchedule
{
    private const string ExpectedForm = "schedule must be a 5-field cron expression (minute hour day-of-month month day-of-week)";

    private readonly CronExpression cron;

    private CronSchedule(string expression, CronExpression cron)
    {
        Expression = expression;
        this.cron = cron;
    }

    /// <summary>The expression with surrounding whitespace removed and fields separated by single spaces.</summary>
    public string Expression { get; }

    public static bool TryParse(string? expression, [NotNullWhen(true)] out CronSchedule? schedule, [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        var fields = (expression ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        // Checked before Cronos so that macros such as "@daily" and 6-field (seconds) forms get one clear message.
        if (fields.Length != 5)
        {
            error = $"{ExpectedForm}: got {fields.Length} field(s)";
            return false;
        }

        var normalized = string.Join(' ', fields);
        try
        {
            schedule = new CronSchedule(normalized, CronExpression.Parse(normalized, CronFormat.Standard));
            error = null;
            return true;
        }
        catch (CronFormatException ex)
        {
            error = $"{ExpectedForm}: {ex.Message}";
            return false;
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="utcNow"/>, in UTC; null when there is none.</summary>
    public DateTime? NextAfter(DateTime utcNow) => cron.GetNextOccurrence(AsUtc(utcNow), inclusive: false);

    // Cronos throws for any kind other than Utc; an unspecified kind is taken to be UTC already.
    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    public override string ToString() => Expression;
}
