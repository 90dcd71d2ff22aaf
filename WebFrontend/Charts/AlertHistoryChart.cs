using System.Xml.Linq;
using Planekeeper.Grains.Interfaces.Alerts;

namespace Planekeeper.WebFrontend.Charts;

/// <summary>Alerts raised per day as stacked bars (moderate at the bottom, critical on top), one bar per day.</summary>
public static class AlertHistoryChart
{
    public const double Width = 600;
    public const double Height = 160;
    private const double Left = 28;
    private const double Bottom = 20;
    private const double Top = 8;

    public static string Render(IReadOnlyList<AlertDayCount> days, string id = "alert-history")
    {
        var most = Math.Max(1, days.Select(Total).DefaultIfEmpty(0).Max());
        var slot = (Width - Left) / Math.Max(1, days.Count);
        var scale = (Height - Bottom - Top) / most;
        var bars = days.Select((day, i) => Bar(day, Left + i * slot, slot, scale));
        return Svg.Render(Svg.Root(id, Width, Height, $"Alerts raised per day, last {days.Count} days", Describe(days),
            Svg.Line("chart-axis", Left, Height - Bottom, Width, Height - Bottom),
            Svg.Text("chart-label", Left - 4, Top + 8, most.ToString(), "end"),
            Svg.Text("chart-label", Left - 4, Height - Bottom, "0", "end"),
            DayLabels(days),
            bars));
    }

    private static IEnumerable<XElement> DayLabels(IReadOnlyList<AlertDayCount> days) =>
        days.Count == 0
            ? []
            : [Svg.Text("chart-label", Left, Height - 4, days[0].Day.ToString("MMM d")), Svg.Text("chart-label", Width, Height - 4, days[^1].Day.ToString("MMM d"), "end")];

    private static XElement Bar(AlertDayCount day, double x, double slot, double scale)
    {
        var width = Math.Max(1, slot * 0.7);
        var baseline = Height - Bottom;
        var segments = new List<XElement>();
        foreach (var (severity, count) in new[] { ("moderate", day.Moderate), ("high", day.High), ("critical", day.Critical) })
        {
            if (count == 0)
            {
                continue;
            }

            baseline -= count * scale;
            segments.Add(Svg.Rect($"chart-bar severity-{severity}", x, baseline, width, count * scale));
        }

        return Svg.Group("chart-day", $"{day.Day:yyyy-MM-dd}: {day.Critical} critical, {day.High} high, {day.Moderate} moderate", segments);
    }

    private static string Describe(IReadOnlyList<AlertDayCount> days) =>
        days.Count == 0
            ? "No days to show."
            : $"From {days[0].Day:yyyy-MM-dd} to {days[^1].Day:yyyy-MM-dd}: {days.Sum(d => d.Critical)} critical, {days.Sum(d => d.High)} high and " +
              $"{days.Sum(d => d.Moderate)} moderate alerts raised; the busiest day had {days.Select(Total).Max()}.";

    private static int Total(AlertDayCount day) => day.Moderate + day.High + day.Critical;
}
