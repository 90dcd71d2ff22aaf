namespace Planekeeper.Grains.Interfaces.Jobs;

[Alias("planekeeper.jobs.gather-directory")]
public interface IGatherJobsGrain : IJobDirectoryGrain<GatherJobRequest, GatherJobRecord>;
