using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Upstreams;

namespace Planekeeper.Grains.Upstreams;

[StatelessWorker]
[GrainType("planekeeper.upstreams.directory")]
public sealed class UpstreamDirectoryGrain(UpstreamStore store) : Grain, IUpstreamDirectoryGrain
{
    public async Task<IReadOnlyList<UpstreamRecord>> ListAsync() =>
        (await store.ListAsync()).Select(row => new UpstreamRecord(row.Key, row.ReleaseList.Count, row.FetchedAt, row.RequestsMade, row.RequestsSaved)).ToList();
}
