using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Interfaces.Upstreams;

/// <summary>
/// One public upstream's shared cache (docs/agent.md, "The shared upstream cache"): the releases a server agent last
/// fetched, serving every organization's gather job that tracks the same upstream with the same tag filter and no
/// credential. Key: <see cref="UpstreamKey"/>.
/// </summary>
[Alias("planekeeper.upstreams.upstream")]
public interface IUpstreamGrain : IGrainWithStringKey
{
    /// <summary>
    /// The cached releases for the runs due at <paramref name="dueAts"/> (a task engine asks once for all its due gathers
    /// of this upstream): each run due at or before <see cref="SharedUpstream.FetchedAt"/> may use them and is counted as
    /// a saved request. Null when none may.
    /// </summary>
    [Alias("share")]
    Task<SharedUpstream?> ShareAsync(IReadOnlyList<DateTime> dueAts);

    /// <summary>A server agent fetched the upstream (counted as a request made); <paramref name="unchanged"/> keeps the cached releases.</summary>
    [Alias("fill")]
    Task FillAsync(IReadOnlyList<FoundRelease>? releases, bool unchanged, UpstreamValidators? validators);
}

/// <summary>What the cache hands the gather jobs due at or before <see cref="FetchedAt"/> instead of a fetch.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.upstreams.shared")]
public sealed record SharedUpstream(
    [property: Id(0)] IReadOnlyList<FoundRelease> Releases, [property: Id(1)] UpstreamValidators? Validators, [property: Id(2)] DateTime FetchedAt)
{
    public bool Serves(DateTime dueAt) => FetchedAt >= dueAt;
}

/// <summary>An upstream as the operators' list shows it.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.upstreams.record")]
public sealed record UpstreamRecord(
    [property: Id(0)] string Key, [property: Id(1)] int Releases, [property: Id(2)] DateTime? FetchedAt,
    [property: Id(3)] long RequestsMade, [property: Id(4)] long RequestsSaved);

/// <summary>Which cache a gather job may share: same source, same artifact, same tag filter.</summary>
public static class UpstreamKey
{
    public static string Of(string sourceType, string artifactName, string? tagFilter) => $"{sourceType}:{artifactName}#{tagFilter}";
}
