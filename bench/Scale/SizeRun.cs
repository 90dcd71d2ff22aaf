using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Planekeeper.Bench.JobPipeline;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Tasks;

namespace Planekeeper.Bench.Scale;

/// <summary>
/// One size, in a process of its own (so its memory figures start from an empty silo): a fresh database, a silo in
/// this process, N/100 organizations × 100 scheduled jobs, then rest → every engine activated by a first claim →
/// idle collection → the jobs fall due over the hour and server agents drain them for <see cref="Window"/>.
/// </summary>
public static class SizeRun
{
    /// <summary>How long due jobs are drained and measured: 1/60 of the hour's jobs fall due in it.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Idle engines are collected after the product's default age (2 minutes), looked for every 5 s instead of every minute
    /// so the bench sees it sooner. Shorter ages collected early engines while the last of 10,000 were still activating.
    /// </summary>
    private static readonly TimeSpan CollectionQuantum = TimeSpan.FromSeconds(5);

    private const int Parallel = 8;

    public static async Task<SizeFigures> MeasureAsync(int jobs, int agentCount)
    {
        var total = Stopwatch.StartNew();
        var organizations = jobs / ScaleSeed.JobsPerOrganization;
        await using var database = await BenchDatabase.CreateAsync();
        using var roundTrips = new DatabaseOperationMeter(PlanekeeperSilo.ApplicationName);
        await using var silo = await PlanekeeperSilo.StartAsync(database, new Dictionary<string, string> { ["TASK_SWEEP_INTERVAL"] = "2m" }, services =>
            services.Configure<GrainCollectionOptions>(options => options.CollectionQuantum = CollectionQuantum));
        var grains = silo.Grains;
        Memory.CollectedHeapBytes();
        var emptyRss = Memory.RssMiB;
        Log($"{jobs:N0} jobs in {organizations:N0} organizations: empty silo {emptyRss:N0} MiB RSS; seeding");

        var seed = Stopwatch.StartNew();
        await ScaleSeed.InsertAsync(database, organizations);
        var seedSeconds = seed.Elapsed.TotalSeconds;
        var databaseMiB = await database.ScalarAsync<long>("SELECT pg_database_size(current_database())") / 1024.0 / 1024.0;
        var organizationIds = (await QueryIdsAsync(database, "SELECT id FROM organizations WHERE id > 0 ORDER BY id")).ToList();
        var restHeap = Memory.CollectedHeapBytes();
        var restRss = Memory.RssMiB;
        var atRest = await EngineActivations.CountAsync(grains);
        Log($"seeded in {seedSeconds:F0} s; at rest {restRss:N0} MiB RSS, {atRest} engines active; first claims");

        var serverAgent = new ClaimingAgent(999_999, ClaimingAgent.GlobalOrganizationId, ["gather"], []);
        // The first organization warms up the code path (JIT); the others are measured.
        await grains.GetGrain<ITaskEngineGrain>(organizationIds[0]).ClaimForServerAgentAsync(serverAgent);
        var measured = organizationIds.Skip(1).ToList();
        roundTrips.Sample();
        var firstClaims = await ClaimFromEachAsync(grains, measured, serverAgent);
        roundTrips.Sample();
        var activationTrips = roundTrips.InWindow().Operations / (double)measured.Count;
        var activeClaims = await ClaimFromEachAsync(grains, measured, serverAgent);
        var holdingHeap = Memory.CollectedHeapBytes();
        var holdingRss = Memory.RssMiB;
        var holding = await EngineActivations.CountAsync(grains);
        var sweepReads = await SweepReadsAsync(silo.Services.GetRequiredService<TaskStore>(), organizationIds);
        Log($"{holding:N0} engines hold every job: {holdingRss:N0} MiB RSS; waiting for idle collection");

        var idle = await EngineActivations.WaitUntilNoneAsync(grains, TimeSpan.FromMinutes(10));
        // The schedule's write must end before the wake-up scan looks at the window's first jobs: the scan's lookahead, 20 s,
        // and 60 s more per million jobs to update (a busy machine took 50 s for a million). The report says how early it ended.
        var start = DateTime.UtcNow + EngineWakeUpGrain.Lookahead + TimeSpan.FromSeconds(20 + 60.0 * jobs / 1_000_000);
        start = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerSecond));
        var windowEnd = start + Window;
        var due = await ScaleSeed.ScheduleFromAsync(database, start, windowEnd);
        var scheduledAhead = (start - DateTime.UtcNow).TotalSeconds;
        Log($"all engines collected after {idle.TotalSeconds:F0} s; {due.Count:N0} jobs due in the {Window.TotalSeconds:0} s window from {start:HH:mm:ss}");

        var agents = new DrainingAgents(grains, due, agentCount);
        var cpu = new CpuMeter(await database.PostmasterProcessIdAsync());
        var samplingFrom = (DateTime.UtcNow - start).TotalSeconds;
        var sampling = SamplePeaksAsync(grains, windowEnd.AddSeconds(10));
        if (start - DateTime.UtcNow is { Ticks: > 0 } untilStart)
        {
            await Task.Delay(untilStart);
        }
        cpu.Sample();
        var runTrips = new DatabaseOperationMeter(PlanekeeperSilo.ApplicationName);
        runTrips.Sample();
        var draining = Stopwatch.StartNew();
        await agents.RunUntilAsync(windowEnd.AddSeconds(10));
        var busyShare = agents.BusyShare(draining.Elapsed);
        runTrips.Sample();
        cpu.Sample();
        var (peakRss, activeBySecond, collectorBySecond) = await sampling;
        runTrips.Dispose();

        return new SizeFigures(
            jobs, organizations, emptyRss, restRss, holdingRss, (holdingHeap - restHeap) / (double)jobs, peakRss, atRest, holding, idle.TotalSeconds,
            activeBySecond.Max(), firstClaims, activeClaims, activationTrips, sweepReads, due.Count, agents.Claimed, agents.Failures,
            Percentiles.Of(agents.Lags), runTrips.InWindow().Operations / (double)Math.Max(1, agents.Claimed), cpu.Summarize()?.ToString() ?? "CPU not measured (not Linux)",
            databaseMiB, seedSeconds, total.Elapsed.TotalSeconds, agents.LagsBySlice(start), agents.ClaimCalls, agents.CompleteCalls, agents.EmptyClaims,
            activeBySecond, samplingFrom, scheduledAhead, busyShare, agentCount, collectorBySecond);
    }

    public static void Print(SizeFigures figures) => Console.WriteLine(SizeFigures.LinePrefix + JsonSerializer.Serialize(figures));

    private static void Log(string line) => Console.Error.WriteLine($"  [{DateTime.UtcNow:HH:mm:ss}] {line}");

    /// <summary>One claim of a server agent at every organization's engine, <see cref="Parallel"/> at a time; each claim's duration.</summary>
    private static async Task<Percentiles> ClaimFromEachAsync(IGrainFactory grains, IReadOnlyList<long> organizations, ClaimingAgent agent)
    {
        var durations = new double[organizations.Count];
        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, organizations.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (i, _) =>
        {
            var clock = Stopwatch.StartNew();
            await grains.GetGrain<ITaskEngineGrain>(organizations[i]).ClaimForServerAgentAsync(agent);
            durations[i] = clock.Elapsed.TotalMilliseconds;
        });
        return Percentiles.Of(durations);
    }

    /// <summary>The sweep's read (every job of the organization), timed for up to 200 organizations one after another.</summary>
    private static async Task<Percentiles> SweepReadsAsync(TaskStore store, IReadOnlyList<long> organizations)
    {
        var durations = new List<double>();
        foreach (var organization in organizations.Skip(1).Take(200))
        {
            var clock = Stopwatch.StartNew();
            await store.LoadAsync(organization);
            durations.Add(clock.Elapsed.TotalMilliseconds);
        }

        return Percentiles.Of(durations);
    }

    /// <summary>
    /// The peak RSS, the active engines counted about every second (when the wake-up scan activates them) and the
    /// collector's running totals beside them.
    /// </summary>
    private static async Task<(double PeakRssMiB, List<int> ActiveBySecond, List<CollectorSample> CollectorBySecond)> SamplePeaksAsync(IGrainFactory grains, DateTime until)
    {
        var (rss, activations, collector) = (0.0, new List<int>(), new List<CollectorSample>());
        while (DateTime.UtcNow < until)
        {
            rss = Math.Max(rss, Memory.RssMiB);
            collector.Add(CollectorSample.Now());
            activations.Add(await EngineActivations.CountAsync(grains));
            await Task.Delay(1000);
        }

        return (rss, activations, collector);
    }

    private static async Task<List<long>> QueryIdsAsync(BenchDatabase database, string sql)
    {
        var ids = new List<long>();
        await using var command = database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
