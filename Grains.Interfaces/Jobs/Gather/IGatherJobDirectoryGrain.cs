namespace Planekeeper.Grains.Interfaces.Jobs.Gather;

[Alias("planekeeper.jobs.gather-directory")]
public interface IGatherJobDirectoryGrain : IJobDirectoryGrain<GatherJobRequest, GatherJobRecord>;
