using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Jobs;

namespace Planekeeper.Grains.Jobs;

[GrainType("planekeeper.jobs.helm-sync")]
public sealed class HelmSyncJobGrain(HelmSyncJobStore store, HelmChartStore charts, AlertConfigReferences alertConfigs, AuditWriter audit, TimeProvider clock)
    : JobGrain<HelmSyncJobRow, HelmSyncJobRecord, HelmSyncJobDefinition, HelmSyncJobRequest>(store, alertConfigs, audit, clock, JobKind.HelmSync, HelmSyncJobRequests.Validate), IHelmSyncJobGrain
{
    public async Task<IReadOnlyList<HelmChartRecord>> ListChartsAsync() => Current is { } job ? await charts.ListAsync(job.Id) : [];
}
