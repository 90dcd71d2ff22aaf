using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;

namespace Planekeeper.Grains.Jobs;

[GrainType("planekeeper.jobs.gather")]
public sealed class GatherJobGrain(GatherJobStore store, AuditWriter audit, TimeProvider clock) : Grain, IGatherJobGrain
{
    private const string ChangedMeanwhile = "the job was changed at the same time; read it again and retry";

    private GatherJobStore.Row? _row;

    private string Target => $"gather-job:{this.GetPrimaryKeyLong()}";

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => _row = await store.GetAsync(this.GetPrimaryKeyLong());

    public Task<GatherJobRecord?> GetAsync() => Task.FromResult(_row?.ToRecord());

    public async Task<CommandResult<GatherJobRecord>> UpdateAsync(string actor, GatherJobRequest request)
    {
        if (_row is null)
        {
            return NotFound();
        }

        var validated = GatherJobRequests.Validate(request);
        if (validated.Status != CommandStatus.Ok)
        {
            return validated.Without<GatherJobRecord>();
        }

        var (job, schedule) = validated.Value;
        var run = JobLifecycle.OnUpdated(_row.Run, schedule, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(await store.UpdateAsync(_row, job, run), actor, "gather_job.updated");
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

        await audit.WriteAsync(new AuditEntry(_row.OrganizationId, actor, "gather_job.deleted", Target, new { _row.Name }));
        _row = null;
        DeactivateOnIdle();
        return CommandResult<bool>.Ok(true);
    }

    public async Task<CommandResult<GatherJobRecord>> RunNowAsync(string actor)
    {
        if (_row is null)
        {
            return NotFound();
        }

        var run = JobLifecycle.OnRunNow(_row.Run, clock.GetUtcNow().UtcDateTime);
        return run is null
            ? CommandResult<GatherJobRecord>.Conflict("the job is running; wait until it completes")
            : await SaveAsync(await store.UpdateRunAsync(_row, run), actor, "gather_job.run_requested");
    }

    private async Task<CommandResult<GatherJobRecord>> SaveAsync(GatherJobStore.Row? saved, string actor, string action)
    {
        if (saved is null)
        {
            await OnActivateAsync(CancellationToken.None);
            return CommandResult<GatherJobRecord>.Conflict(ChangedMeanwhile);
        }

        _row = saved;
        await audit.WriteAsync(new AuditEntry(saved.OrganizationId, actor, action, Target));
        return CommandResult<GatherJobRecord>.Ok(saved.ToRecord());
    }

    private CommandResult<GatherJobRecord> NotFound() => CommandResult<GatherJobRecord>.NotFound($"no gather job {this.GetPrimaryKeyLong()}");
}
