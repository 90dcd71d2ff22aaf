using Planekeeper.Grains.Access;
using Planekeeper.Grains.Alerts.Configs;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Concurrency;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Jobs;

/// <summary>
/// The single owner of one job's definition, whatever its kind: loads it, validates changes through the kind's
/// rules, writes it with its version, audits, and tells the organization's task engine, which owns the run
/// (status, schedule, leases) and reschedules the job.
/// </summary>
public abstract class JobGrain<TRow, TRecord, TDefinition, TRequest>(
    JobStore<TRow, TRecord, TDefinition> store,
    AlertConfigReferences alertConfigs,
    AuditWriter audit,
    TimeProvider clock,
    JobKind kind,
    Func<TRequest, CommandResult<(TDefinition Definition, CronSchedule? Schedule)>> validate) : Grain
    where TRow : JobRow<TRecord>
    where TRecord : IJobRecord
{
    private const string ChangedMeanwhile = "the job was changed at the same time; read it again and retry";

    private TRow? _row;

    /// <summary>
    /// The job row as last loaded or written, when it belongs to <paramref name="organizationId"/>; null when there is
    /// no such job in that organization (docs/security.md, "Tenancy").
    /// </summary>
    protected TRow? Owned(long organizationId) => _row.OwnedBy(organizationId);

    /// <summary>The row whatever its organization: only for internal calls on the job's own behalf (the task engine's), never for a route.</summary>
    protected TRow? InternalRow => _row;

    protected TimeProvider Clock => clock;

    private string Target => $"{kind.TargetPrefix}:{this.GetPrimaryKeyLong()}";

    /// <summary>Why this job cannot be run now, beyond being in progress; null when it can.</summary>
    protected virtual string? RunRefusal(TRow row) => null;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => ReloadAsync();

    /// <summary>Read afresh: the run columns move with the task engine, not with this grain.</summary>
    public async Task<TRecord?> GetAsync(long organizationId)
    {
        await ReloadAsync();
        return Owned(organizationId) is { } row ? row.ToRecord() : default;
    }

    public async Task<CommandResult<TRecord>> UpdateAsync(string actor, long organizationId, TRequest request, ExpectedVersion? expected)
    {
        if (Owned(organizationId) is not { } row)
        {
            return NotFound();
        }

        if (!ExpectedVersion.Holds(expected, row.Version))
        {
            return StaleVersion.Refused<TRecord>(kind.Noun);
        }

        var validated = validate(request);
        if (validated.Status != CommandStatus.Ok)
        {
            return validated.Without<TRecord>();
        }

        var saved = await store.UpdateAsync(row, validated.Value.Definition);
        if (saved is not null)
        {
            await Engine.JobSavedAsync(Ref);
            saved = await store.GetAsync(saved.Id);
        }

        return await SaveAsync(saved, actor, "updated");
    }

    public async Task<CommandResult<bool>> DeleteAsync(string actor, long organizationId, ExpectedVersion? expected)
    {
        if (Owned(organizationId) is not { } row)
        {
            return NotFound<bool>();
        }

        if (!ExpectedVersion.Holds(expected, row.Version))
        {
            return StaleVersion.Refused<bool>(kind.Noun);
        }

        if (kind.AlertConfigColumn is { } column && await alertConfigs.NamesAsync(column, row.Id) is { Count: > 0 } users)
        {
            return CommandResult<bool>.Conflict($"the {kind.Noun} is used by alert config(s) {string.Join(", ", users)}: delete or change them first");
        }

        if (!await store.DeleteAsync(row))
        {
            await ReloadAsync();
            return CommandResult<bool>.Conflict(ChangedMeanwhile);
        }

        await Engine.JobSavedAsync(Ref);
        await audit.WriteAsync(new AuditEntry(row.OrganizationId, actor, $"{kind.Name}.deleted", Target));
        _row = null;
        DeactivateOnIdle();
        return CommandResult<bool>.Ok(true);
    }

    public async Task<CommandResult<TRecord>> RunNowAsync(string actor, long organizationId)
    {
        if (Owned(organizationId) is not { } row)
        {
            return NotFound();
        }

        if (RunRefusal(row) is { } refusal)
        {
            return CommandResult<TRecord>.Conflict(refusal);
        }

        var queued = await Engine.RunNowAsync(Ref);
        if (queued.Status != CommandStatus.Ok)
        {
            return queued.Without<TRecord>();
        }

        return await SaveAsync(await store.GetAsync(row.Id), actor, "run_requested");
    }

    /// <summary>A manual job got its version by hand: the engine records the run as completed now.</summary>
    protected async Task<CommandResult<TRecord>> RecordManualRunAsync(string actor, string change)
    {
        await Engine.RecordManualRunAsync(Ref);
        return await SaveAsync(await store.GetAsync(_row!.Id), actor, change);
    }

    protected JobRef Ref => new(kind.Name, this.GetPrimaryKeyLong());

    private ITaskEngineGrain Engine => GrainFactory.GetGrain<ITaskEngineGrain>(_row!.OrganizationId);

    private async Task ReloadAsync() => _row = await store.GetAsync(this.GetPrimaryKeyLong());

    private async Task<CommandResult<TRecord>> SaveAsync(TRow? saved, string actor, string change)
    {
        if (saved is null)
        {
            await ReloadAsync();
            return CommandResult<TRecord>.Conflict(ChangedMeanwhile);
        }

        _row = saved;
        await audit.WriteAsync(new AuditEntry(saved.OrganizationId, actor, $"{kind.Name}.{change}", Target));
        return CommandResult<TRecord>.Ok(saved.ToRecord());
    }

    protected Task Audit(string actor, string change) =>
        audit.WriteAsync(new AuditEntry(_row!.OrganizationId, actor, $"{kind.Name}.{change}", Target));

    /// <summary>The one answer for "no such job" and "another organization's job".</summary>
    protected CommandResult<T> NotFound<T>() => CommandResult<T>.NotFound($"no {kind.Noun} {this.GetPrimaryKeyLong()}");

    private CommandResult<TRecord> NotFound() => NotFound<TRecord>();
}
