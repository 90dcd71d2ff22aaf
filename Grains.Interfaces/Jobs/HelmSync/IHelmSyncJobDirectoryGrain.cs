namespace Planekeeper.Grains.Interfaces.Jobs.HelmSync;

[Alias("planekeeper.jobs.helm-sync-directory")]
public interface IHelmSyncJobDirectoryGrain : IJobDirectoryGrain<HelmSyncJobRequest, HelmSyncJobRecord>;
