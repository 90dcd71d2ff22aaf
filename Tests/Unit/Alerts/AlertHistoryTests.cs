using Planekeeper.Grains.Alerts;
using Planekeeper.Grains.Interfaces.Alerts;

namespace Planekeeper.Tests.Unit.Alerts;

public class AlertHistoryTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Fact]
    public void Every_day_is_present_oldest_first_ending_today()
    {
        var days = AlertHistory.Days(Today, 3, []);
        Assert.Equal([new AlertDayCount(new(2026, 12, 2), 0, 0, 0), new AlertDayCount(new(2026, 12, 3), 0, 0, 0), new AlertDayCount(Today, 0, 0, 0)], days);
    }

    [Fact]
    public void Counts_land_on_their_day_by_severity_and_days_outside_the_range_are_ignored()
    {
        var days = AlertHistory.Days(Today, 2, [
            (Today, SeverityNames.Critical, 2), (Today, SeverityNames.Moderate, 1), (Today.AddDays(-1), SeverityNames.High, 4),
            (Today.AddDays(-5), SeverityNames.High, 9),
        ]);
        Assert.Equal([new AlertDayCount(Today.AddDays(-1), 0, 4, 0), new AlertDayCount(Today, 1, 0, 2)], days);
    }

    [Fact]
    public void The_first_day_of_thirty_is_twenty_nine_days_back() => Assert.Equal(new DateOnly(2026, 11, 5), AlertHistory.FirstDay(Today, 30));
}
