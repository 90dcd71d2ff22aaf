namespace Planekeeper.Grains.Rules.Evaluation;

/// <summary>
/// A rule's verdict on a deployed version: how far behind, the severity that reaches (null: no alert, an active one
/// resolves), why, and the latest eligible version.
/// </summary>
public sealed record RuleOutcome(Severity? Severity, long BehindBy, string Reason, string DiscoveredVersion, string? LatestVersion);
