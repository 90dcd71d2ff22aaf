namespace Planekeeper.Agent.Gathering.Helm;

/// <summary>A chart a helm sync found: its latest version (highest stable SemVer, else the newest) and that version's app version.</summary>
public sealed record DiscoveredChart(string Name, string? LatestVersion, string? AppVersion);

/// <summary>What a helm sync found, or <see cref="Unchanged"/> when the repository answered 304 (no charts then).</summary>
public sealed record HelmChartDiscoveryResult(bool Unchanged, IReadOnlyList<DiscoveredChart> Charts, UpstreamValidators? Validators);
