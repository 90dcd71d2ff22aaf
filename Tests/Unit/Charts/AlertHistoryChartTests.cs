using System.Xml.Linq;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.WebFrontend.Charts;

namespace Planekeeper.Tests.Unit.Charts;

public class AlertHistoryChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Fact]
    public void One_group_per_day_with_a_segment_per_severity_raised_and_heights_in_proportion()
    {
        var chart = XElement.Parse(AlertHistoryChart.Render([
            new AlertDayCount(Today.AddDays(-2), 0, 0, 0), new AlertDayCount(Today.AddDays(-1), 2, 0, 2), new AlertDayCount(Today, 1, 1, 0),
        ]));

        var days = chart.Elements(Svg + "g").ToList();
        Assert.Equal(3, days.Count);
        Assert.Empty(days[0].Elements(Svg + "rect"));
        Assert.Equal("2026-12-03: 2 critical, 0 high, 2 moderate", days[1].Element(Svg + "title")!.Value);
        var busiest = days[1].Elements(Svg + "rect").ToList();
        Assert.Equal(["chart-bar severity-moderate", "chart-bar severity-critical"], busiest.Select(r => r.Attribute("class")!.Value));
        var quiet = days[2].Elements(Svg + "rect").Select(Height).ToList();
        Assert.Equal(busiest.Select(Height).Sum(), quiet.Sum() * 2, 2);
    }

    [Fact]
    public void It_is_an_image_with_a_title_and_a_description_a_screen_reader_can_read()
    {
        var chart = XElement.Parse(AlertHistoryChart.Render([new AlertDayCount(Today, 1, 0, 3)], id: "dashboard-history"));
        Assert.Equal("img", chart.Attribute("role")!.Value);
        Assert.Equal("dashboard-history-title dashboard-history-desc", chart.Attribute("aria-labelledby")!.Value);
        Assert.Contains("3 critical, 0 high and 1 moderate", chart.Element(Svg + "desc")!.Value);
        Assert.DoesNotContain(chart.DescendantsAndSelf(), e => e.Attribute("style") is not null);
    }

    [Fact]
    public void No_days_render_an_empty_axis() =>
        Assert.Equal("No days to show.", XElement.Parse(AlertHistoryChart.Render([])).Element(Svg + "desc")!.Value);

    private static double Height(XElement rect) => double.Parse(rect.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture);
}
