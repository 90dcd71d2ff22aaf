using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Jobs;

/// <summary>
/// The single owner of one job row, whatever its kind: loads it, validates changes through the kind's rules,
/// moves its schedule with <see cref="JobLifecycle"/>, writes it with its version, audits.
/// </summary>
public abstract class JobGrain<TRow, TRecord, TDefinition, TRequest>(
    JobStore<TRow, TRecord, TDefinition> store,
    AuditWriter audit,
    TimeProvider clock,
    JobKind kind,
    Func<TRequest, CommandResult<(TDefinition Definition, CronSchedule? Schedule)>> validate,
    Func<TDefinition, bool>? isRunnable = null) : Grain
    where TRow : JobRow<TRecord>
    where TRecord : IJobRecord
{
    private const string ChangedMeanwhile = "the job was changed at the same time; read it again and retry";

    private TRow? _row;

    /// <summary>The job row as last loaded or written; null when there is no such job.</summary>
    protected TRow? Current => _row;

    protected TimeProvider Clock => clock;

    private string Target => $"{kind.TargetPrefix}:{this.GetPrimaryKeyLong()}";

    /// <summary>Why this job cannot be run now, beyond being in progress; null when it can.</summary>
    protected virtual string? RunRefusal(TRow row) => null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => _row = await store.GetAsync(this.GetPrimaryKeyLong());

    public Task<TRecord?> GetAsync() => Task.FromResult(_row is null ? default : _row.ToRecord());

    public async Task<CommandResult<TRecord>> UpdateAsync(string actor, TRequest request)
    {
        if (_row is null)
        {
            return NotFound();
        }

        var validated = validate(request);
        if (validated.Status != CommandStatus.Ok)
        {
            return validated.Without<TRecord>();
        }

        var (definition, schedule) = validated.Value;
        var run = JobLifecycle.OnUpdated(_row.Run, schedule, clock.GetUtcNow().UtcDateTime, isRunnable?.Invoke(definition) ?? true);
        return await SaveAsync(await store.UpdateAsync(_row, definition, run), actor, "updated");
    }

    public async Task<CommandResult<bool>> DeleteAsync(string actor)
    {
        if (_row is null)
        {
            return NotFound().Without<bool>();
        }

        if (!await store.DeleteAsync(_row))
        {
            await OnActivateAsync(CancellationToken.None);
            return CommandResult<bool>.Conflict(ChangedMeanwhile);
        }

        await audit.WriteAsync(new AuditEntry(_row.OrganizationId, actor, $"{kind.AuditPrefix}.deleted", Target));
        _row = null;
        DeactivateOnIdle();
        return CommandResult<bool>.Ok(true);
    }

    public async Task<CommandResult<TRecord>> RunNowAsync(string actor)
    {
        if (_row is null)
        {
            return NotFound();
        }

        if (RunRefusal(_row) is { } refusal)
        {
            return CommandResult<TRecord>.Conflict(refusal);
        }

        var run = JobLifecycle.OnRunNow(_row.Run, clock.GetUtcNow().UtcDateTime);
        return run is null
            ? CommandResult<TRecord>.Conflict("the job is running; wait until it completes")
            : await SaveAsync(await store.UpdateRunAsync(_row, run), actor, "run_requested");
    }

    /// <summary>Records that the job ran now with the given outcome.</summary>
    protected async Task<CommandResult<TRecord>> RecordRunAsync(JobRun run, DateTime ranAt, string actor, string change) =>
        await SaveAsync(await store.UpdateRunAsync(_row!, run, ranAt), actor, change);

    private async Task<CommandResult<TRecord>> SaveAsync(TRow? saved, string actor, string change)
    {
        if (saved is null)
        {
            await OnActivateAsync(CancellationToken.None);
            return CommandResult<TRecord>.Conflict(ChangedMeanwhile);
        }

        _row = saved;
        await audit.WriteAsync(new AuditEntry(saved.OrganizationId, actor, $"{kind.AuditPrefix}.{change}", Target));
        return CommandResult<TRecord>.Ok(saved.ToRecord());
    }

    private CommandResult<TRecord> NotFound() => CommandResult<TRecord>.NotFound($"no {kind.Noun} {this.GetPrimaryKeyLong()}");
}
