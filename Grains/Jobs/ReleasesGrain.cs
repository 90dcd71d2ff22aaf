using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;

namespace Planekeeper.Grains.Jobs;

[StatelessWorker]
[GrainType("planekeeper.jobs.releases")]
public sealed class ReleasesGrain(ReleaseStore store) : Grain, IReleasesGrain
{
    public async Task<Page<ReleaseRecord>> ListAsync(long organizationId, long? gatherJobId, int limit, long? before)
    {
        var rows = await store.ListAsync(organizationId, gatherJobId, limit + 1, before);
        var next = rows.Count > limit ? rows[limit - 1].Id.ToString() : null;
        return new Page<ReleaseRecord>(rows.Take(limit).ToList(), next);
    }

    public Task<ReleaseRecord?> GetAsync(long organizationId, long releaseId) => store.GetAsync(organizationId, releaseId);

    public Task<ReleaseSummary> SummaryAsync(long organizationId) => store.SummaryAsync(organizationId);
}
