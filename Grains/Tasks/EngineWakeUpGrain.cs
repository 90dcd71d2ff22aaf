using Microsoft.Extensions.Logging;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// The cluster's one scheduler of task engines (docs/jobs.md, "How it is built"). An engine with nothing queued, running or
/// waiting, and no job due within <see cref="IdleHorizon"/>, lets Orleans collect it. Every <see cref="ScanInterval"/> this
/// grain reads which organizations' wake-up rows (<see cref="EngineWakeUpRow"/>, one indexed read) fall within
/// <see cref="Lookahead"/> — or are overdue — and activates their engines, soonest first and
/// <see cref="WokenAtOnce"/> at a time (so that in a burst of thousands the engines due first are not held up by those due
/// later, and claims still find database connections); an engine woken less than
/// <see cref="WokenRecently"/> ago is not asked again (an engine that went idle since has nothing due before then). A
/// reminder brings the grain back within a minute after the silo holding it fails. When it activates and every
/// <see cref="FullPassInterval"/> after, it lowers every row to what the job tables hold, in case a change was made past
/// the rows (by a silo of the previous version during a rolling upgrade, or by hand).
/// </summary>
[GrainType("planekeeper.tasks.wake-up")]
public sealed partial class EngineWakeUpGrain(TaskStore store, TimeProvider clock, ILogger<EngineWakeUpGrain> logger)
    : Grain, IEngineWakeUpGrain, IRemindable
{
    /// <summary>An engine with no job due within this is idle.</summary>
    public static readonly TimeSpan IdleHorizon = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan ScanInterval = TimeSpan.FromSeconds(5);

    /// <summary>How often every wake-up row is checked against the job tables (<see cref="TaskStore.LowerEveryWakeUpAsync"/>).</summary>
    public static readonly TimeSpan FullPassInterval = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How far ahead a scan looks: an engine is active at least this long before its job is due, less a scan. Long enough
    /// for thousands of idle engines falling due together to load their jobs first; bounded by <see cref="IdleHorizon"/>
    /// (docs/jobs.md, "How it is built").
    /// </summary>
    public static readonly TimeSpan Lookahead = TimeSpan.FromSeconds(40);

    /// <summary>Engines activated at once by a scan: each activation is one read of the organization's jobs.</summary>
    public const int WokenAtOnce = 16;

    /// <summary>Shorter than <see cref="IdleHorizon"/> − <see cref="Lookahead"/> − <see cref="ScanInterval"/>, so no wake-up is skipped that an idle engine needs.</summary>
    public static readonly TimeSpan WokenRecently = IdleHorizon - Lookahead - ScanInterval - TimeSpan.FromSeconds(5);

    private const string KeepScanning = "keep-scanning";

    private readonly Dictionary<long, DateTime> _wokenAt = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(ScanAsync, new GrainTimerCreationOptions(TimeSpan.Zero, ScanInterval) { KeepAlive = true });
        this.RegisterGrainTimer(LowerEveryWakeUpAsync, new GrainTimerCreationOptions(TimeSpan.Zero, FullPassInterval) { KeepAlive = true });
        return Task.CompletedTask;
    }

    private async Task LowerEveryWakeUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.LowerEveryWakeUpAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        catch (Exception exception)
        {
            LogFullPassFailed(exception);
        }
    }

    public Task StartAsync() => this.RegisterOrUpdateReminder(KeepScanning, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

    /// <summary>Activation is all the reminder is for: the timer scans.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private async Task ScanAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            Forget(now - WokenRecently);
            var organizations = (await store.OrganizationsToWakeAsync(now + Lookahead, cancellationToken)).Where(organization => !_wokenAt.ContainsKey(organization)).ToList();
            foreach (var organization in organizations)
            {
                _wokenAt[organization] = now;
            }

            await WakeInOrderAsync(organizations);
        }
        catch (Exception exception)
        {
            LogScanFailed(exception);
        }
    }

    private async Task WakeInOrderAsync(IReadOnlyList<long> organizations)
    {
        var waking = new List<Task>(WokenAtOnce);
        foreach (var organization in organizations)
        {
            if (waking.Count == WokenAtOnce)
            {
                waking.Remove(await Task.WhenAny(waking));
            }

            waking.Add(WakeUpAsync(organization));
        }

        await Task.WhenAll(waking);
    }

    private async Task WakeUpAsync(long organization)
    {
        try
        {
            await GrainFactory.GetGrain<ITaskEngineGrain>(organization).WakeUpAsync();
        }
        catch (Exception)
        {
            // A broken engine restarts by itself; the next scan after WokenRecently asks it again.
        }
    }

    private void Forget(DateTime before)
    {
        foreach (var organization in _wokenAt.Where(entry => entry.Value < before).Select(entry => entry.Key).ToList())
        {
            _wokenAt.Remove(organization);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The task engines' wake-up scan failed; the next one tries again")]
    private partial void LogScanFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The pass over every wake-up row failed; the next one tries again")]
    private partial void LogFullPassFailed(Exception exception);
}
