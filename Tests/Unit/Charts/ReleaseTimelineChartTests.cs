using System.Xml.Linq;
using Planekeeper.WebFrontend.Charts;
using Point = Planekeeper.WebFrontend.Charts.ReleaseTimelineChart.Point;

namespace Planekeeper.Tests.Unit.Charts;

public class ReleaseTimelineChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly Point[] Releases =
    [
        new("v1.0.0", new DateTime(2026, 1, 1), false), new("v2.0.0-rc.1", new DateTime(2026, 2, 1), true),
        new("v2.0.0", new DateTime(2026, 3, 1), false), new("v1.5.0", new DateTime(2026, 4, 1), false),
    ];

    [Fact]
    public void Every_release_is_a_dot_in_time_order_and_prereleases_are_marked()
    {
        var dots = XElement.Parse(ReleaseTimelineChart.Render(Releases, [])).Elements(Svg + "circle").ToList();
        Assert.Equal(4, dots.Count);
        var xs = dots.Select(dot => double.Parse(dot.Attribute("cx")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(xs.Order(), xs);
        Assert.Equal("chart-release chart-prerelease", dots[1].Attribute("class")!.Value);
        Assert.Equal("v2.0.0-rc.1 (prerelease), 2026-02-01", dots[1].Element(Svg + "title")!.Value);
    }

    [Fact]
    public void The_deployed_version_is_found_by_precedence_and_the_latest_stable_is_by_version_not_date()
    {
        var chart = XElement.Parse(ReleaseTimelineChart.Render(Releases, [new("1.0", "prod")]));
        var markers = chart.Elements(Svg + "g").Select(g => (g.Attribute("class")!.Value, g.Element(Svg + "title")!.Value)).ToList();
        Assert.Equal([("chart-deployed", "deployed v1.0.0 (prod)"), ("chart-latest", "latest v2.0.0")], markers);
        Assert.Contains("Deployed in prod: v1.0.0, released 2026-01-01. Latest stable: v2.0.0", chart.Element(Svg + "desc")!.Value);
    }

    [Fact]
    public void Every_deployment_gets_its_own_mark_and_label_line_and_the_latest_is_not_marked_twice()
    {
        var chart = XElement.Parse(ReleaseTimelineChart.Render(Releases, [new("v1.5.0", "staging"), new("v2.0.0", "prod, canary")]));

        var marks = chart.Elements(Svg + "g").ToList();
        Assert.Equal(["deployed v1.5.0 (staging)", "deployed v2.0.0 (prod, canary)"], marks.Select(g => g.Element(Svg + "title")!.Value));
        Assert.All(marks, g => Assert.Equal("chart-deployed", g.Attribute("class")!.Value));
        var labelHeights = marks.Select(g => g.Element(Svg + "text")!.Attribute("y")!.Value).ToList();
        Assert.Equal(labelHeights.Count, labelHeights.Distinct().Count());
    }

    [Fact]
    public void A_deployed_version_outside_the_releases_is_said_and_upstream_text_cannot_inject_markup()
    {
        var hostile = new Point("<script>alert(1)</script>", new DateTime(2026, 5, 1), false);
        var text = ReleaseTimelineChart.Render([.. Releases, hostile], [new("9.9.9", "prod")]);
        Assert.DoesNotContain("<script>", text);
        var chart = XElement.Parse(text);
        Assert.Contains("The version deployed in prod, 9.9.9, is not among these releases.", chart.Element(Svg + "desc")!.Value);
        Assert.DoesNotContain(chart.Elements(Svg + "g"), g => g.Attribute("class")!.Value == "chart-deployed");
    }
}
