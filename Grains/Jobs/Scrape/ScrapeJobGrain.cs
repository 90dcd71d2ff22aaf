using Planekeeper.Grains.Alerts.Configs;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.Scrape;
using Planekeeper.Scraping;
using Planekeeper.Versioning;

namespace Planekeeper.Grains.Jobs.Scrape;

[GrainType("planekeeper.jobs.scrape")]
public sealed class ScrapeJobGrain(ScrapeJobStore store, AlertConfigReferences alertConfigs, VersionSnapshotStore snapshots, AuditWriter audit, TimeProvider clock)
    : JobGrain<ScrapeJobRow, ScrapeJobRecord, ScrapeJobDefinition, ScrapeJobRequest>(
        store, alertConfigs, audit, clock, JobKind.Scrape, ScrapeJobRequests.Validate), IScrapeJobGrain
{
    public async Task<CommandResult<VersionSnapshot>> SetVersionAsync(string actor, long organizationId, string version)
    {
        if (Owned(organizationId) is not { } job)
        {
            return NotFound<VersionSnapshot>();
        }

        if (job.ParseType != ScrapeParseTypes.Manual)
        {
            return CommandResult<VersionSnapshot>.Conflict("this job reads its version from its repository; set-version is for manual jobs");
        }

        version = version.Trim();
        if (VersionToken.Validate(version) is { } problem)
        {
            return CommandResult<VersionSnapshot>.Invalid("version", problem);
        }

        var now = Clock.GetUtcNow().UtcDateTime;
        var snapshot = await snapshots.AddAsync(job.Id, job.OrganizationId, VersionTransform.Apply(job.VersionTransform, version), now, null, "manual", job.HistoryLimit);
        var recorded = await RecordManualRunAsync(actor, "version_set");
        await GrainFactory.GetGrain<IAlertEvaluationGrain>(0).JobsChangedAsync(job.OrganizationId, [Ref]);
        return recorded.Status == CommandStatus.Ok ? CommandResult<VersionSnapshot>.Ok(snapshot) : recorded.Without<VersionSnapshot>();
    }

    public async Task<IReadOnlyList<VersionSnapshot>?> ListVersionsAsync(long organizationId) =>
        Owned(organizationId) is { } job ? await snapshots.ListAsync(job.Id) : null;

    /// <summary>Agents run every scrape job except manual ones, whose versions are set by hand.</summary>
    public static bool IsRunnable(ScrapeJobDefinition definition) => definition.ParseType != ScrapeParseTypes.Manual;

    protected override string? RunRefusal(ScrapeJobRow row) =>
        row.ParseType == ScrapeParseTypes.Manual ? "manual scrape jobs do not run; set the version with POST /scrape-jobs/{id}/set-version" : null;
}
