namespace Planekeeper.Grains.Rules;

/// <summary>The measures a monitoring rule can use (SPEC §3), as the API spells them.</summary>
public static class RuleTypes
{
    public const string DaysBehind = "days_behind";
    public const string MajorsBehind = "majors_behind";
    public const string MinorsBehind = "minors_behind";

    public static IReadOnlyList<string> All { get; } = [DaysBehind, MajorsBehind, MinorsBehind];
}
