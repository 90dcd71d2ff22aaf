using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Jobs;

/// <summary>Creates jobs of one kind (validated, scheduled, audited) and lists or counts them with one query each.</summary>
public abstract class JobDirectoryGrain<TRow, TRecord, TDefinition, TRequest>(
    JobStore<TRow, TRecord, TDefinition> store, AuditWriter audit, TimeProvider clock, JobKind kind) : Grain
    where TRow : JobRow<TRecord>
    where TRecord : IJobRecord
{
    protected abstract CommandResult<(TDefinition Definition, CronSchedule? Schedule)> Validate(TRequest request);

    /// <summary>Whether agents run jobs of this definition at all (a manual scrape job is never run).</summary>
    protected virtual bool IsRunnable(TDefinition definition) => true;

    public async Task<CommandResult<TRecord>> CreateAsync(string actor, long organizationId, TRequest request)
    {
        var validated = Validate(request);
        if (validated.Status != CommandStatus.Ok)
        {
            return validated.Without<TRecord>();
        }

        var (definition, schedule) = validated.Value;
        var row = await store.InsertAsync(organizationId, definition, JobLifecycle.OnCreated(schedule, clock.GetUtcNow().UtcDateTime, IsRunnable(definition)));
        await audit.WriteAsync(new AuditEntry(organizationId, actor, $"{kind.AuditPrefix}.created", $"{kind.TargetPrefix}:{row.Id}"));
        return CommandResult<TRecord>.Ok(row.ToRecord());
    }

    public async Task<Page<TRecord>> ListAsync(long organizationId, int limit, long? after)
    {
        var rows = await store.ListAsync(organizationId, limit + 1, after);
        var next = rows.Count > limit ? rows[limit - 1].Id.ToString() : null;
        return new Page<TRecord>(rows.Take(limit).Select(row => row.ToRecord()).ToList(), next);
    }

    public async Task<JobSummary> SummaryAsync(long organizationId)
    {
        var counts = await store.CountByStatusAsync(organizationId);
        return new JobSummary(counts.Values.Sum(), JobStatus.All.ToDictionary(status => status, status => counts.GetValueOrDefault(status)));
    }
}
