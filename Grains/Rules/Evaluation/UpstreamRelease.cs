namespace Planekeeper.Grains.Rules.Evaluation;

/// <summary>One release of the gather job as a rule sees it; <see cref="FoundAt"/> stands in for a missing release date.</summary>
public sealed record UpstreamRelease(string Version, DateTime? ReleasedAt, bool Prerelease, DateTime FoundAt);
