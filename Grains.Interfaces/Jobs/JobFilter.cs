namespace Planekeeper.Grains.Interfaces.Jobs;

/// <summary>
/// Which jobs a list shows (docs/jobs.md, "Listing"): those in <see cref="Status"/> (any when null) that carry every
/// one of <see cref="Labels"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.jobs.filter")]
public sealed record JobFilter(
    [property: Id(0)] string? Status,
    [property: Id(1)] IReadOnlyDictionary<string, string> Labels)
{
    public static JobFilter None { get; } = new(null, new Dictionary<string, string>());
}
