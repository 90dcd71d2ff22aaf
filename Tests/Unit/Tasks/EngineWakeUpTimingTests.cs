using Planekeeper.Grains.Tasks;

namespace Planekeeper.Tests.Unit.Tasks;

/// <summary>
/// The wake-up scan's timing (docs/jobs.md, "How it is built"): engines wake well ahead of a mass start, and an engine
/// the scan skipped as woken recently is still called before its job falls due.
/// </summary>
public sealed class EngineWakeUpTimingTests
{
    [Fact]
    public void An_engine_wakes_at_least_35_seconds_before_its_job_is_due()
    {
        Assert.True(EngineWakeUpGrain.Lookahead - EngineWakeUpGrain.ScanInterval >= TimeSpan.FromSeconds(35));
    }

    [Fact]
    public void An_engine_skipped_as_woken_recently_is_called_again_before_its_job_needs_it()
    {
        // Woken at t and idle since, its next job is due no sooner than t + IdleHorizon; the first scan that may call it
        // again comes at most a scan interval after t + WokenRecently and must see that job within its lookahead.
        var latestSecondCall = EngineWakeUpGrain.WokenRecently + EngineWakeUpGrain.ScanInterval;

        Assert.True(EngineWakeUpGrain.WokenRecently > TimeSpan.Zero);
        Assert.True(latestSecondCall + EngineWakeUpGrain.Lookahead < EngineWakeUpGrain.IdleHorizon);
    }
}
