using System.Globalization;
using System.Text.RegularExpressions;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>Checks a <c>/metrics</c> answer against the Prometheus text format, and reads its samples.</summary>
public static partial class PrometheusText
{
    /// <summary>Every line is a comment (<c># HELP</c>, <c># TYPE</c>, <c># EOF</c>) or <c>name{labels} value [timestamp]</c>.</summary>
    public static void AssertValid(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(line.StartsWith('#') || Sample().IsMatch(line), $"not Prometheus text: {line}");
        }
    }

    /// <summary>
    /// The sum of the samples named <paramref name="name"/> that carry every one of <paramref name="labels"/> (other
    /// labels may differ), or null when there is no such sample.
    /// </summary>
    public static double? Sum(string text, string name, params (string Name, string Value)[] labels)
    {
        var values = Samples(text)
            .Where(sample => sample.Name == name && labels.All(label => sample.Labels.GetValueOrDefault(label.Name) == label.Value))
            .Select(sample => sample.Value)
            .ToList();
        return values.Count == 0 ? null : values.Sum();
    }

    public static IEnumerable<(string Name, Dictionary<string, string> Labels, double Value)> Samples(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => Sample().Match(line))
            .Where(match => match.Success)
            .Select(match => (
                match.Groups["name"].Value,
                LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(pair => pair.Groups["name"].Value, pair => Regex.Unescape(pair.Groups["value"].Value)),
                Number(match.Groups["value"].Value)));

    private static double Number(string value) => value switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(value, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})? (?<value>-?[0-9.]+(e[-+]?[0-9]+)?|NaN|[+-]Inf)( -?[0-9]+)?$""")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>([^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
