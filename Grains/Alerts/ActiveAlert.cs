using Planekeeper.Grains.Rules.Evaluation;

namespace Planekeeper.Grains.Alerts;

/// <summary>What the lifecycle needs to know of a config's active alert.</summary>
public sealed record ActiveAlert(Severity Severity, long BehindBy, string DiscoveredVersion, string? LatestVersion, string Reason, bool Acknowledged);
