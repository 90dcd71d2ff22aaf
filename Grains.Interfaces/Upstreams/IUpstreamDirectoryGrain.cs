namespace Planekeeper.Grains.Interfaces.Upstreams;

/// <summary>Lists the shared upstream cache with its request counts (one query). Stateless.</summary>
[Alias("planekeeper.upstreams.directory")]
public interface IUpstreamDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("list")]
    Task<IReadOnlyList<UpstreamRecord>> ListAsync();
}
