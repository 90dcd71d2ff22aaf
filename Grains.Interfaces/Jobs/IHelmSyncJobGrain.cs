using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Interfaces.Jobs;

[Alias("planekeeper.jobs.helm-sync")]
public interface IHelmSyncJobGrain : IJobGrain<HelmSyncJobRequest, HelmSyncJobRecord>
{
    /// <summary>The charts the last run found, by name, and the charts of child jobs that are no longer in the index.</summary>
    [Alias("charts")]
    Task<HelmChartList> ListChartsAsync();

    /// <summary>A run found these charts: create or update one child gather job per chart (never deletes one).</summary>
    [Alias("sync-children")]
    Task SyncChildrenAsync(IReadOnlyList<FoundChart> charts);
}
