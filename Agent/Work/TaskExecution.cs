using System.Diagnostics;
using Planekeeper.Agent.Server;

namespace Planekeeper.Agent.Work;

/// <summary>
/// One claimed task from start to report: the runner works while the lease is renewed at a third of its term; the
/// result or failure is reported. When the lease is lost (the server gave the task away) the work is abandoned.
/// The report (<see cref="TaskReports"/>, together with the other slots' reports) asks for the next task, which the
/// caller runs next.
/// </summary>
public sealed partial class TaskExecution(AgentApiClient server, TaskReports reports, ITaskRunner runner, ILogger<TaskExecution> logger)
{
    /// <returns>The next task the server handed out with the report, if any.</returns>
    public async Task<ClaimedTask?> RunAsync(ClaimedTask task, CancellationToken stopping)
    {
        using var work = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var clock = Stopwatch.StartNew();
        LogStarted(task);
        var renewing = RenewUntilDoneAsync(task, work);
        try
        {
            var report = await runner.RunAsync(task, work.Token);
            await work.CancelAsync();
            await renewing;
            var (accepted, next) = await reports.ReportAsync(FinishedReport.Completed(task.TaskId, report), wantsNext: !stopping.IsCancellationRequested);
            LogFinished(task, accepted ? "completed" : "completed, but the server had given the task away", clock.Elapsed.TotalSeconds);
            return next;
        }
        catch (TaskFailedException failure)
        {
            await work.CancelAsync();
            await renewing;
            var (_, next) = await reports.ReportAsync(FinishedReport.Failed(task.TaskId, failure.Message, failure.Retryable), wantsNext: !stopping.IsCancellationRequested);
            LogFailed(task, failure.Retryable ? "retryable" : "final", failure.Message, clock.Elapsed.TotalSeconds);
            return next;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await renewing;
            await reports.ReportAsync(FinishedReport.Failed(task.TaskId, "the agent was shut down while running the task", retryable: true), wantsNext: false);
            LogFailed(task, "handed back", "agent shutting down", clock.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            // The lease was lost: the server has already given the task to another agent; nothing to report.
            await renewing;
        }

        return null;
    }

    private async Task RenewUntilDoneAsync(ClaimedTask task, CancellationTokenSource work)
    {
        var every = Max(TimeSpan.FromSeconds(1), (task.LeaseExpiresAt - DateTimeOffset.UtcNow) / 3);
        while (!work.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, work.Token);
                if (!await server.RenewAsync(task.TaskId, work.Token))
                {
                    LogLeaseLost(task);
                    await work.CancelAsync();
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (HttpRequestException exception)
            {
                // The next renew may still be in time; the server takes the task back only when the lease runs out.
                LogRenewFailed(task, exception.Message);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Running {Task}")]
    private partial void LogStarted(ClaimedTask task);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Task} {Outcome} in {Seconds:0.0} s")]
    private partial void LogFinished(ClaimedTask task, string outcome, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Task} failed ({Kind}) after {Seconds:0.0} s: {Error}")]
    private partial void LogFailed(ClaimedTask task, string kind, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Task}: the server gave the task to another agent (lease lost); abandoning it")]
    private partial void LogLeaseLost(ClaimedTask task);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Task}: renewing the lease failed: {Error}")]
    private partial void LogRenewFailed(ClaimedTask task, string error);
}
