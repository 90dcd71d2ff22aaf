using Planekeeper.WebFrontend.Health;

namespace Planekeeper.WebFrontend.Availability;

/// <summary>Checks the cluster (as <c>/ready</c> does) every <see cref="AvailabilitySettings.OutageCheckInterval"/> and keeps the <see cref="OutageState"/>.</summary>
public sealed class OutageMonitor(
    OutageState state, AvailabilitySettings settings, ReadinessProbe probe, TimeProvider clock, ILogger<OutageMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.OutageCheckInterval, clock);
        do
        {
            await CheckAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task CheckAsync(CancellationToken stoppingToken)
    {
        var wasOut = state.IsOut;
        var report = await probe.CheckAsync(stoppingToken);
        if (report.IsReady)
        {
            state.RecordSuccess();
        }
        else
        {
            state.RecordFailure();
        }

        if (state.IsOut != wasOut)
        {
            logger.LogWarning(state.IsOut
                ? "Outage: the cluster failed {Threshold} checks in a row; the Client UI answers 503 until it recovers"
                : "Outage over: the cluster answered; the Client UI is back", settings.OutageFailureThreshold);
        }
    }
}
