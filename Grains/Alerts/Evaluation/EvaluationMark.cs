namespace Planekeeper.Grains.Alerts.Evaluation;

/// <summary>
/// What an evaluation found, kept on the config row for the drift table (docs/rules-and-alerts.md, "Drift"): when, the
/// outcome (one of <c>EvaluationOutcomes</c>) and, as far as known, the deployed version, the latest eligible release
/// and how far behind the one is.
/// </summary>
public sealed record EvaluationMark(DateTime At, string Outcome, string? DeployedVersion, string? LatestVersion, long? BehindBy);
