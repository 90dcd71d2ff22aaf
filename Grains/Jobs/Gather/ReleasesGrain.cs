using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Jobs.Gather;

[StatelessWorker]
[GrainType("planekeeper.jobs.releases")]
public sealed class ReleasesGrain(ReleaseStore store) : Grain, IReleasesGrain
{
    public Task<Page<ReleaseRecord>> ListAsync(long organizationId, long? gatherJobId, int limit, long? before) =>
        KeysetPaging.ReadAsync(limit, count => store.ListAsync(organizationId, gatherJobId, count, before), release => release.Id);

    public Task<ReleaseRecord?> GetAsync(long organizationId, long releaseId) => store.GetAsync(organizationId, releaseId);

    public Task<ReleaseSummary> SummaryAsync(long organizationId) => store.SummaryAsync(organizationId);
}
