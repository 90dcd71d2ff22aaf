namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>The alert severities as the API spells them, lowest first.</summary>
public static class SeverityNames
{
    public const string Moderate = "moderate";
    public const string High = "high";
    public const string Critical = "critical";

    public static IReadOnlyList<string> All { get; } = [Moderate, High, Critical];
}
