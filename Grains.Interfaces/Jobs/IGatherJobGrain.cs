namespace Planekeeper.Grains.Interfaces.Jobs;

[Alias("planekeeper.jobs.gather")]
public interface IGatherJobGrain : IJobGrain<GatherJobRequest, GatherJobRecord>;
