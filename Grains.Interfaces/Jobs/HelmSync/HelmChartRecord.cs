namespace Planekeeper.Grains.Interfaces.Jobs.HelmSync;

/// <summary>A chart a helm sync job found in its repository's index at its last run.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.jobs.helm-chart")]
public sealed record HelmChartRecord(
    [property: Id(0)] string Name,
    [property: Id(1)] string? LatestVersion,
    [property: Id(2)] string? AppVersion,
    [property: Id(3)] DateTime FoundAt);

/// <summary>A helm sync job's charts, and <see cref="Removed"/>: charts its child jobs track that the index no longer has.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.jobs.helm-chart-list")]
public sealed record HelmChartList([property: Id(0)] IReadOnlyList<HelmChartRecord> Items, [property: Id(1)] IReadOnlyList<string> Removed);
