using Planekeeper.Grains.Rules.Evaluation;

namespace Planekeeper.Grains.Alerts.Evaluation;

/// <summary>
/// What a config's evaluation reads: its rule (null when deleted), the newest deployed version (null before the
/// scrape job's first snapshot) and the gather job's releases.
/// </summary>
public sealed record EvaluationInputs(EvaluationRule? Rule, string? DeployedVersion, IReadOnlyList<UpstreamRelease> Releases);

/// <summary>The rule as evaluation needs it.</summary>
public sealed record EvaluationRule(string Name, bool Active, RuleDefinition Definition);
