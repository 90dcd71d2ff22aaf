namespace Planekeeper.Grains.Jobs;

/// <summary>
/// The cap on a regular expression a job carries (tag_filter, chart_filter, a regex parse_expression; docs/api.md,
/// "Limits"): the server compiles each one to check it, and agents run it on every version or file they read.
/// </summary>
public static class PatternLimits
{
    public const int MaxLength = 512;
}
