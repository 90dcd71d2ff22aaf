namespace Planekeeper.Grains.Interfaces.Tasks;

/// <summary>One job of any kind: <see cref="Kind"/> is <c>gather_job</c>, <c>scrape_job</c> or <c>helm_sync_job</c>.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.tasks.job-ref")]
public sealed record JobRef([property: Id(0)] string Kind, [property: Id(1)] long Id)
{
    public const string Gather = "gather_job";
    public const string Scrape = "scrape_job";
    public const string HelmSync = "helm_sync_job";

    public static readonly IReadOnlyList<string> Kinds = [Gather, Scrape, HelmSync];

    public override string ToString() => $"{Kind}:{Id}";
}
