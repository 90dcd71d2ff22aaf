namespace Planekeeper.Grains.Alerts.Configs;

/// <summary>A validated alert config as the store writes it.</summary>
public sealed record AlertConfigDefinition(string Name, long ScrapeJobId, long GatherJobId, long RuleId);
