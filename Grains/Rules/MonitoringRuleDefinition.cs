namespace Planekeeper.Grains.Rules;

/// <summary>A validated rule as the store writes it.</summary>
public sealed record MonitoringRuleDefinition(string Name, string RuleType, int Moderate, int High, int Critical, bool StableOnly);
