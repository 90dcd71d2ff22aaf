using Microsoft.Extensions.Logging;
using Planekeeper.Grains.Alerts.Configs;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.Grains.Interfaces.Jobs.HelmSync;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Jobs.HelmSync;

[GrainType("planekeeper.jobs.helm-sync")]
public sealed partial class HelmSyncJobGrain(
    HelmSyncJobStore store, HelmChartStore charts, HelmSyncChildren children, AlertConfigReferences alertConfigs, AuditWriter audit, TimeProvider clock,
    ILogger<HelmSyncJobGrain> logger)
    : JobGrain<HelmSyncJobRow, HelmSyncJobRecord, HelmSyncJobDefinition, HelmSyncJobRequest>(store, alertConfigs, audit, clock, JobKind.HelmSync, HelmSyncJobRequests.Validate), IHelmSyncJobGrain
{
    public async Task<HelmChartList?> ListChartsAsync(long organizationId)
    {
        if (Owned(organizationId) is not { } job)
        {
            return null;
        }

        var found = await charts.ListAsync(job.Id);
        var names = found.Select(chart => chart.Name).ToHashSet();
        var removed = (await children.ListAsync(job.OrganizationId, job.Id)).Select(child => child.Chart).Where(chart => !names.Contains(chart)).ToList();
        return new HelmChartList(found, removed);
    }

    public async Task SyncChildrenAsync(IReadOnlyList<FoundChart> found)
    {
        if (InternalRow?.ToRecord() is not { } sync)
        {
            return;
        }

        var actor = $"helm-sync-job:{sync.Id}";
        var existing = (await children.ListAsync(sync.OrganizationId, sync.Id)).ToDictionary(child => child.Chart);
        foreach (var chart in found.Select(chart => chart.Name).Distinct())
        {
            var wanted = HelmSyncChildren.Request(sync, chart);
            var result = existing.TryGetValue(chart, out var child)
                ? HelmSyncChildren.IsUpToDate(child, wanted) ? null : await GrainFactory.GetGrain<IGatherJobGrain>(child.Id).UpdateAsync(actor, sync.OrganizationId, wanted)
                : await GrainFactory.GetGrain<IGatherJobDirectoryGrain>(0).CreateAsync(actor, sync.OrganizationId, wanted);
            if (result is { Status: not CommandStatus.Ok })
            {
                LogChildRefused(sync.Id, chart, result.Detail ?? "");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Helm sync job {SyncJob}: no gather job for chart {Chart}: {Problem}")]
    private partial void LogChildRefused(long syncJob, string chart, string problem);
}
