using System.Globalization;
using System.Xml.Linq;

namespace Planekeeper.WebFrontend.Charts;

/// <summary>
/// Builds SVG elements for server-rendered pictures (docs/ui.md, "Pictures"). Text goes through XML escaping, so
/// versions and names from upstreams cannot inject markup; colours come from CSS classes (no inline style, which the
/// content security policy forbids), so light and dark themes restyle them.
/// </summary>
internal static class Svg
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    /// <param name="id">Unique on the page: the title and description are referenced by ids derived from it.</param>
    public static XElement Root(string id, double width, double height, string label, string description, params object[] content) =>
        new(Ns + "svg",
            new XAttribute("id", id),
            new XAttribute("viewBox", $"0 0 {Number(width)} {Number(height)}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XAttribute("class", "chart"),
            new XElement(Ns + "title", new XAttribute("id", $"{id}-title"), label),
            new XElement(Ns + "desc", new XAttribute("id", $"{id}-desc"), description),
            content);

    public static XElement Element(string name, string cssClass, params object[] content) =>
        new(Ns + name, new XAttribute("class", cssClass), content);

    public static XElement Rect(string cssClass, double x, double y, double width, double height) =>
        Element("rect", cssClass, Attr("x", x), Attr("y", y), Attr("width", width), Attr("height", height));

    public static XElement Line(string cssClass, double x1, double y1, double x2, double y2) =>
        Element("line", cssClass, Attr("x1", x1), Attr("y1", y1), Attr("x2", x2), Attr("y2", y2));

    public static XElement Circle(string cssClass, double cx, double cy, double r, string tooltip) =>
        Element("circle", cssClass, Attr("cx", cx), Attr("cy", cy), Attr("r", r), Title(tooltip));

    public static XElement Text(string cssClass, double x, double y, string text, string anchor = "start") =>
        Element("text", cssClass, Attr("x", x), Attr("y", y), new XAttribute("text-anchor", anchor), text);

    public static XElement Group(string cssClass, string tooltip, params object[] content) => Element("g", cssClass, Title(tooltip), content);

    public static string Render(XElement svg) => svg.ToString(SaveOptions.DisableFormatting);

    private static XElement Title(string text) => new(Ns + "title", text);

    private static XAttribute Attr(string name, double value) => new(name, Number(value));

    private static string Number(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
