using Planekeeper.Grains.Interfaces.Alerts;

namespace Planekeeper.Grains.Alerts;

/// <summary>Alerts raised per day over the last days, every day present (zero when none), oldest first.</summary>
public static class AlertHistory
{
    /// <summary>The first day counted when <paramref name="days"/> days end with <paramref name="today"/>.</summary>
    public static DateOnly FirstDay(DateOnly today, int days) => today.AddDays(1 - days);

    public static IReadOnlyList<AlertDayCount> Days(DateOnly today, int days, IEnumerable<(DateOnly Day, string Severity, int Count)> counts)
    {
        var byDay = counts.ToLookup(count => count.Day);
        return Enumerable.Range(0, days)
            .Select(offset => FirstDay(today, days).AddDays(offset))
            .Select(day => new AlertDayCount(day, Sum(byDay[day], SeverityNames.Moderate), Sum(byDay[day], SeverityNames.High), Sum(byDay[day], SeverityNames.Critical)))
            .ToList();
    }

    private static int Sum(IEnumerable<(DateOnly Day, string Severity, int Count)> counts, string severity) =>
        counts.Where(count => count.Severity == severity).Sum(count => count.Count);
}
