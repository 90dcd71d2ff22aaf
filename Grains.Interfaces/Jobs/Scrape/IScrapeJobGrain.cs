using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Jobs.Scrape;

[Alias("planekeeper.jobs.scrape")]
public interface IScrapeJobGrain : IJobGrain<ScrapeJobRequest, ScrapeJobRecord>
{
    /// <summary>Stores a version given by hand (manual jobs), after the job's version transform.</summary>
    [Alias("set-version-in-org")]
    Task<CommandResult<VersionSnapshot>> SetVersionAsync(string actor, long organizationId, string version);

    /// <summary>The stored snapshots, newest first (at most the job's history limit); null when there is no such job.</summary>
    [Alias("versions-in-org")]
    Task<IReadOnlyList<VersionSnapshot>?> ListVersionsAsync(long organizationId);
}
