using Planekeeper.Grains.Notifications.Routing;
using Planekeeper.Grains.Rules.Evaluation;

namespace Planekeeper.Grains.Alerts.Evaluation;

/// <summary>
/// What a config's evaluation reads: its rule (null when deleted), the newest deployed version (null before the
/// scrape job's first snapshot), the gather job's releases, and what routing the events of a change would need (so the
/// alert's write routes them itself, docs/architecture.md, "From a job completion to an alert").
/// </summary>
public sealed record EvaluationInputs(EvaluationRule? Rule, string? DeployedVersion, IReadOnlyList<UpstreamRelease> Releases, RoutingInputs Routing);

/// <summary>The rule as evaluation needs it.</summary>
public sealed record EvaluationRule(string Name, bool Active, RuleDefinition Definition);
