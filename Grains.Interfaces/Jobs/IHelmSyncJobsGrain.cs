namespace Planekeeper.Grains.Interfaces.Jobs;

[Alias("planekeeper.jobs.helm-sync-directory")]
public interface IHelmSyncJobsGrain : IJobDirectoryGrain<HelmSyncJobRequest, HelmSyncJobRecord>;
