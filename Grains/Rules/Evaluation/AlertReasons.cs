namespace Planekeeper.Grains.Rules.Evaluation;

/// <summary>Why a verdict has its severity.</summary>
public static class AlertReasons
{
    /// <summary>Behind by the rule's measure.</summary>
    public const string Behind = "behind";

    /// <summary><c>days_behind</c>: the deployed version is not among the releases, so it has no date.</summary>
    public const string VersionNotFound = "version_not_found";

    /// <summary>The deployed version is not a version (e.g. <c>latest</c>).</summary>
    public const string VersionParseFailure = "version_parse_failure";
}
