using System.Diagnostics;
using Planekeeper.Bench.HealthLatency;
using Planekeeper.Bench.JobPipeline;

namespace Planekeeper.Bench.UiPages;

/// <summary>
/// One page's latency run, with the CPU each process spent per request over it (warm-up included, the same requests):
/// the frontend, this process (the silo, with the client) and PostgreSQL — where the server's time went.
/// </summary>
public sealed record PageRun(LatencyRun Latency, CpuUse? Cpu, double Seconds, int Requests)
{
    public static async Task<PageRun> MeasureAsync(HttpClient http, Uri url, int requests, int? postmaster, int frontend)
    {
        var cpu = new CpuMeter(postmaster, frontend);
        var started = Stopwatch.GetTimestamp();
        cpu.Sample();
        var latency = await LatencyRun.MeasureAsync(http, url, requests);
        cpu.Sample();
        return new PageRun(latency, cpu.Summarize(), Stopwatch.GetElapsedTime(started).TotalSeconds, LatencyRun.Warmup + requests);
    }

    public string CpuPerRequest() => Cpu is not { } use ? ""
        : $"{"",-28}CPU per request: WebFrontend {PerRequest(use.Frontend):F2} ms, silo and client {PerRequest(use.Bench):F2} ms, " +
          $"PostgreSQL {PerRequest(use.Postgres):F2} ms; other processes {use.Other:F2} of {use.Cores} cores";

    private double PerRequest(double cores) => cores * Seconds * 1000 / Requests;
}
