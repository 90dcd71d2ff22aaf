using Planekeeper.Grains.Rules.Evaluation;

namespace Planekeeper.Grains.Alerts;

/// <summary>Severities as stored and shown: <c>moderate</c>, <c>high</c>, <c>critical</c>.</summary>
public static class SeverityText
{
    public static string Name(Severity severity) => severity.ToString().ToLowerInvariant();

    public static Severity Parse(string name) => Enum.Parse<Severity>(name, ignoreCase: true);
}
