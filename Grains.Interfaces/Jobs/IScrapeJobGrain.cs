using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Jobs;

[Alias("planekeeper.jobs.scrape")]
public interface IScrapeJobGrain : IJobGrain<ScrapeJobRequest, ScrapeJobRecord>
{
    /// <summary>Stores a version given by hand (manual jobs), after the job's version transform.</summary>
    [Alias("set-version")]
    Task<CommandResult<VersionSnapshot>> SetVersionAsync(string actor, string version);

    /// <summary>The stored snapshots, newest first (at most the job's history limit).</summary>
    [Alias("versions")]
    Task<IReadOnlyList<VersionSnapshot>> ListVersionsAsync();
}
