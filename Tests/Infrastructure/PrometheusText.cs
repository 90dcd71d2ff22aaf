using System.Text.RegularExpressions;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>Checks a <c>/metrics</c> answer against the Prometheus text format.</summary>
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

    [GeneratedRegex("""^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})? (-?[0-9.]+(e[-+]?[0-9]+)?|NaN|[+-]Inf)( -?[0-9]+)?$""")]
    private static partial Regex Sample();
}
