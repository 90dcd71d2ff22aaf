namespace Planekeeper.Grains.Rules.Evaluation;

/// <summary>What a rule measures (<see cref="RuleTypes"/>), its thresholds, and whether prereleases are ignored.</summary>
public sealed record RuleDefinition(string RuleType, RuleThresholds Thresholds, bool StableOnly);
