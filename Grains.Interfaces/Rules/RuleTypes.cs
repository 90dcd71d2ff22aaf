namespace Planekeeper.Grains.Rules.Evaluation;

/// <summary>
/// The measures a monitoring rule can use (docs/rules-and-alerts.md, "Monitoring rules"), as the API spells them.
/// </summary>
public static class RuleTypes
{
    public const string DaysBehind = "days_behind";
    public const string MajorsBehind = "majors_behind";
    public const string MinorsBehind = "minors_behind";

    public static IReadOnlyList<string> All { get; } = [DaysBehind, MajorsBehind, MinorsBehind];
}
