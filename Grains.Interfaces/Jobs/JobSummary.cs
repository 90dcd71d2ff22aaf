namespace Planekeeper.Grains.Interfaces.Jobs;

/// <summary>How many jobs of one kind an organization has, by status.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.jobs.summary")]
public sealed record JobSummary([property: Id(0)] int Total, [property: Id(1)] IReadOnlyDictionary<string, int> ByStatus);
