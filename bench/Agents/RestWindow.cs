using Planekeeper.Bench.JobPipeline;

namespace Planekeeper.Bench.Agents;

/// <summary>The machine at rest for a window: CPU by process, and the frontend's and silo's resident memory (average of a sample a second).</summary>
public sealed record RestFigures(CpuUse? Cpu, double FrontendMiB, double SiloMiB, FleetReading? FleetBefore, FleetReading? FleetAfter, TimeSpan Window)
{
    /// <summary>Heartbeats answered 200 per second over the window.</summary>
    public double HeartbeatsPerSecond => FleetBefore is null || FleetAfter is null ? 0 : (FleetAfter.Heartbeats - FleetBefore.Heartbeats) / Window.TotalSeconds;

    public long HeartbeatFailures => FleetBefore is null || FleetAfter is null ? 0 : FleetAfter.HeartbeatFailures - FleetBefore.HeartbeatFailures;
}

/// <summary>
/// Measures a window in which only the idle agents (if any) talk to the frontend. The silo's memory is this process's:
/// it also holds the benchmark and the busy agents' client, the same with and without idle agents.
/// </summary>
public static class RestWindow
{
    public static async Task<RestFigures> MeasureAsync(TimeSpan window, int? postmaster, int frontendProcessId, IdleFleetProcess? fleet)
    {
        var cpu = new CpuMeter(postmaster, frontendProcessId, fleet?.ProcessId);
        var before = fleet is null ? null : await fleet.ReadAsync();
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        cpu.Sample();
        var frontend = new List<double>();
        var silo = new List<double>();
        for (var second = 0; second < window.TotalSeconds; second++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            frontend.Add(ProcessMemory.ResidentMiB(frontendProcessId));
            silo.Add(ProcessMemory.ResidentMiB(Environment.ProcessId));
        }

        cpu.Sample();
        var after = fleet is null ? null : await fleet.ReadAsync();
        return new RestFigures(cpu.Summarize(), frontend.Average(), silo.Average(), before, after, elapsed.Elapsed);
    }
}
