namespace Planekeeper.Agent.Gathering.Helm;

/// <summary>One chart of an index.yaml with the versions listed under it.</summary>
internal sealed record HelmIndexChart(string Name, IReadOnlyList<HelmChartVersion> Versions);

/// <summary>The fields of one index.yaml entry the agent keeps (urls, maintainers, dependencies … are skipped).</summary>
internal sealed record HelmChartVersion(string Version, string? AppVersion, DateTimeOffset? Created, string? Digest);
