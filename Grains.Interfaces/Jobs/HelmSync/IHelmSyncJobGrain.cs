using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Interfaces.Jobs.HelmSync;

[Alias("planekeeper.jobs.helm-sync")]
public interface IHelmSyncJobGrain : IJobGrain<HelmSyncJobRequest, HelmSyncJobRecord>
{
    /// <summary>
    /// The charts the last run found, by name, and the charts of child jobs that are no longer in the index; null when
    /// there is no such job.
    /// </summary>
    [Alias("charts-in-org")]
    Task<HelmChartList?> ListChartsAsync(long organizationId);

    /// <summary>
    /// Internal, for the task engine only (no route calls it): a run found these charts: create or update one child
    /// gather job per chart (never deletes one). The children belong to the helm sync job's own organization.
    /// One-way and idempotent: a lost call is made good by the sync job's next run.
    /// </summary>
    [OneWay]
    [Alias("sync-children")]
    Task SyncChildrenAsync(IReadOnlyList<FoundChart> charts);
}
