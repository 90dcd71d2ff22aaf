namespace Planekeeper.Grains.Interfaces.Jobs;

[Alias("planekeeper.jobs.helm-sync")]
public interface IHelmSyncJobGrain : IJobGrain<HelmSyncJobRequest, HelmSyncJobRecord>;
