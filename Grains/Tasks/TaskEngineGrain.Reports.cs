using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.HelmSync;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// Reports of finished tasks: one task's completion or failure, and an agent's report of several with its next claims
/// in one write (docs/jobs.md, "Reporting several tasks at once").
/// </summary>
public sealed partial class TaskEngineGrain
{
    public async Task<TaskReportAnswer> ReportAsync(long agentId, IReadOnlyList<FinishedTask> finished, ClaimingAgent? claimNext, int maxNext)
    {
        ThrowIfBroken();
        var claiming = claimNext is { IsServerAgent: false } && claimNext.OrganizationId == OrganizationId && maxNext > 0 ? claimNext : null;
        if (claiming is not null)
        {
            await EnsureTaskIdsAsync(maxNext);
        }

        var chartsToSync = new List<(long HelmSyncJob, IReadOnlyList<FoundChart> Charts)>();
        var outcomes = finished.Select(task => Finish(agentId, task, chartsToSync)).ToList();
        var next = new List<TaskAssignment>();
        while (claiming is not null && next.Count < maxNext && _taskIds.Count > 0 && _jobs.FirstClaimableBy(claiming) is { } due)
        {
            next.Add(HandOut(due, claiming, _writes.Reports));
        }

        AfterChanges();
        await _writes.AllWrittenAsync();
        SyncHelmCharts(chartsToSync);
        return new TaskReportAnswer(outcomes, next);
    }

    /// <summary>
    /// Ends one reported task in memory (the caller commits): <c>succeeded</c>, <c>retrying</c> or <c>failed</c>, else
    /// refused (409 when the agent no longer holds it, 422 naming the result's invalid fields).
    /// </summary>
    private CommandResult<string> Finish(long agentId, FinishedTask task, List<(long HelmSyncJob, IReadOnlyList<FoundChart> Charts)> chartsToSync)
    {
        if (HeldTask(agentId, task.TaskId) is not { } job)
        {
            return CommandResult<string>.Conflict(NotCurrent(task.TaskId));
        }

        if (task.Result is { } result)
        {
            if (TaskResultValidator.Validate(job.Ref.Kind, result) is { } errors)
            {
                return CommandResult<string>.Invalid(errors);
            }

            Succeed(job, result);
            if (job.Ref.Kind == JobRef.HelmSync && result.Charts is { } charts)
            {
                chartsToSync.Add((job.Ref.Id, charts));
            }

            return CommandResult<string>.Ok("succeeded");
        }

        var failure = task.Failure ?? new TaskFailure("", false);
        var error = TaskResultValidator.ErrorText(failure.Error);
        if (failure.Retryable)
        {
            Retry(job, "retrying", error);
            return CommandResult<string>.Ok(job.Run.IsQueued ? "retrying" : "failed");
        }

        var now = Now;
        End(job, now, "failed", error);
        Change(job, TaskTransitions.Failed(job.Run, job.Definition.Schedule, now, error));
        return CommandResult<string>.Ok("failed");
    }

    /// <summary>Durable now: the helm sync jobs that reported charts create or remove their child gather jobs.</summary>
    private void SyncHelmCharts(List<(long HelmSyncJob, IReadOnlyList<FoundChart> Charts)> chartsToSync)
    {
        foreach (var (helmSyncJob, charts) in chartsToSync)
        {
            _ = GrainFactory.GetGrain<IHelmSyncJobGrain>(helmSyncJob).SyncChildrenAsync(charts);
        }
    }
}
