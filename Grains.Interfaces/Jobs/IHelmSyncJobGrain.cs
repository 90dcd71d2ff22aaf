namespace Planekeeper.Grains.Interfaces.Jobs;

[Alias("planekeeper.jobs.helm-sync")]
public interface IHelmSyncJobGrain : IJobGrain<HelmSyncJobRequest, HelmSyncJobRecord>
{
    /// <summary>The charts the last run found, by name.</summary>
    [Alias("charts")]
    Task<IReadOnlyList<HelmChartRecord>> ListChartsAsync();
}
