using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Server;

namespace Planekeeper.Agent.Work;

/// <summary>
/// The agent's main loop: heartbeat (in the background, at the interval the server asks for), long-poll for tasks
/// while a slot is free (<see cref="TaskSlots"/>), run each in its slot. A refused key stops the agent with one clear
/// line. On shutdown the running tasks get <see cref="ShutdownGrace"/> to finish, then they are handed back.
/// </summary>
public sealed partial class AgentWorker(
    AgentApiClient server, TaskExecution execution, AgentSettings settings, RateLimitBoard rateLimits,
    IHostApplicationLifetime lifetime, ILogger<AgentWorker> logger) : BackgroundService
{
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(25);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await server.EnsureKeyAsync(stoppingToken);
            await server.HeartbeatAsync(rateLimits.Snapshot(), stoppingToken);
            LogConnected(settings.ServerUrl, server.AgentId, settings.AgentName, string.Join(", ", settings.Capabilities));
            using var taskStop = new CancellationTokenSource();
            using var graceOnStop = stoppingToken.Register(() => taskStop.CancelAfter(ShutdownGrace));
            var beating = HeartbeatAsync(stoppingToken);
            await WorkAsync(taskStop.Token, stoppingToken);
            await beating;
        }
        catch (ServerRefusedKeyException refused)
        {
            LogFatal(refused.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await ReleaseKeyAsync();
        }
    }

    private async Task ReleaseKeyAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await server.ReleaseKeyAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or ServerRefusedKeyException)
        {
            LogReleaseFailed(exception.Message);
        }
    }

    /// <summary>
    /// While a slot is free, one claim waits (long-polls) for as many tasks as there are free slots; each task claimed
    /// runs in its own slot. On shutdown the waiting claim ends and the running slots are waited for.
    /// </summary>
    private async Task WorkAsync(CancellationToken taskStop, CancellationToken stopping)
    {
        var slots = new TaskSlots(settings.Concurrency);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var free = await slots.FreeAsync();
                try
                {
                    foreach (var task in await server.ClaimAsync(free, LongPoll, stopping))
                    {
                        slots.Start(RunInSlotAsync(task, taskStop, stopping));
                    }
                }
                catch (HttpRequestException exception)
                {
                    LogServerUnavailable(exception.Message, settings.PollInterval.TotalSeconds);
                    await Task.Delay(settings.PollInterval, stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }

        await slots.AllEndedAsync();
    }

    /// <summary>Runs the task, then each next task its completion hands out, in one slot.</summary>
    private async Task RunInSlotAsync(ClaimedTask first, CancellationToken taskStop, CancellationToken stopping)
    {
        await Task.Yield();
        var task = first;
        try
        {
            while (task is not null && !stopping.IsCancellationRequested)
            {
                task = await execution.RunAsync(task, taskStop);
            }

            if (task is not null)
            {
                // Claimed or handed out with the last completion, never started: give it back at once.
                await server.FailAsync(task.TaskId, "the agent was shut down before running the task", retryable: true, CancellationToken.None);
            }
        }
        catch (HttpRequestException exception)
        {
            // The server takes the task back when its lease runs out.
            LogReportFailed(task?.ToString() ?? first.ToString(), exception.Message);
        }
    }

    private async Task HeartbeatAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(server.HeartbeatInterval, stopping);
                await server.HeartbeatAsync(rateLimits.Snapshot(), stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (HttpRequestException exception)
            {
                LogHeartbeatFailed(exception.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to {Server} as agent {AgentId} ({Name}); capabilities: {Capabilities}")]
    private partial void LogConnected(Uri server, long agentId, string name, string capabilities);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Problem}")]
    private partial void LogFatal(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The server is unavailable ({Error}); trying again in {Seconds} s")]
    private partial void LogServerUnavailable(string error, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Task}: could not report to the server ({Error}); it takes the task back when the lease runs out")]
    private partial void LogReportFailed(string task, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deactivate the key this agent provisioned: {Error}")]
    private partial void LogReleaseFailed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat failed: {Error}")]
    private partial void LogHeartbeatFailed(string error);
}
