using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Scheduling;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Jobs;

/// <summary>Creates jobs of one kind (validated, scheduled, audited) and lists or counts them with one query each.</summary>
public abstract class JobDirectoryGrain<TRow, TRecord, TDefinition, TRequest>(
    JobStore<TRow, TRecord, TDefinition> store,
    AuditWriter audit,
    TimeProvider clock,
    JobKind kind,
    Func<TRequest, CommandResult<(TDefinition Definition, CronSchedule? Schedule)>> validate,
    Func<TDefinition, bool>? isRunnable = null) : Grain
    where TRow : JobRow<TRecord>
    where TRecord : IJobRecord
{
    public async Task<CommandResult<TRecord>> CreateAsync(string actor, long organizationId, TRequest request)
    {
        var validated = validate(request);
        if (validated.Status != CommandStatus.Ok)
        {
            return validated.Without<TRecord>();
        }

        var (definition, schedule) = validated.Value;
        var row = await store.InsertAsync(organizationId, definition, JobLifecycle.OnCreated(schedule, clock.GetUtcNow().UtcDateTime, isRunnable?.Invoke(definition) ?? true));
        await GrainFactory.GetGrain<ITaskEngineGrain>(organizationId).JobSavedAsync(new JobRef(kind.Name, row.Id));
        await audit.WriteAsync(new AuditEntry(organizationId, actor, $"{kind.Name}.created", $"{kind.TargetPrefix}:{row.Id}"));
        return CommandResult<TRecord>.Ok(row.ToRecord());
    }

    public Task<Page<TRecord>> ListAsync(long organizationId, JobFilter filter, int limit, long? after) =>
        KeysetPaging.ReadAsync(limit, count => store.ListAsync(organizationId, filter, count, after), row => row.Id, row => row.ToRecord());

    public async Task<JobSummary> SummaryAsync(long organizationId)
    {
        var counts = await store.CountByStatusAsync(organizationId);
        return new JobSummary(counts.Values.Sum(), JobStatus.All.ToDictionary(status => status, status => counts.GetValueOrDefault(status)));
    }
}
