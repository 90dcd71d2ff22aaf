using System.Diagnostics;
using Planekeeper.Bench.JobPipeline;

namespace Planekeeper.Bench.Agents;

/// <summary>
/// One run: a fresh database, a silo in this process, the real frontend as a child; the busy agents alone, the machine at
/// rest without idle agents, then the idle fleet connected (at rest, then with the busy agents again), and the busy
/// agents alone once more after the idle agents left. Prints as it goes.
/// </summary>
public static class AgentsRun
{
    /// <summary>How long the idle agents may take to all hold a long-poll after registering (they start within 25 s).</summary>
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(IdleAgent.WaitSeconds * 3);

    public static async Task RunAsync(AgentsPlan plan)
    {
        await using var database = await BenchDatabase.CreateAsync();
        // The default heartbeat interval (JobPipeline lengthens it): idle agents beat as a real fleet does.
        await using var silo = await PlanekeeperSilo.StartAsync(database, new Dictionary<string, string> { ["AGENT_HEARTBEAT_INTERVAL"] = "15s" });
        var postmaster = await database.PostmasterProcessIdAsync();
        AgentsReport.Header(plan, await database.ServerVersionAsync(), FileLimit.Current());

        var seeding = Stopwatch.StartNew();
        var owner = await PlanekeeperOrganization.SignUpOwnerAsync(silo.Grains);
        var busy = await BusyAgents.CreateAsync(silo.Grains, database, owner, plan.BusyAgents, plan.QueuedJobs);
        var fleet = await FleetSeed.CreateAsync(silo.Grains, owner, plan.Organizations, plan.AgentsPerOrganization);
        AgentsReport.Seeded(plan, seeding.Elapsed);

        await using var frontend = await ServerProcess.StartFrontendAsync(database);
        using var http = HttpAgent.Client(frontend.BaseAddress, plan.BusyAgents);
        await ActivateBusyEngineAsync(busy, http);
        await MeasureBusyAsync(busy, http, new RunTiming(AgentsPlan.JitWarmup, TimeSpan.Zero), postmaster, frontend.ProcessId, null);

        var alone = await MeasureBusyAsync(busy, http, plan.Timing, postmaster, frontend.ProcessId, null);
        AgentsReport.Busy($"(1) {plan.BusyAgents} busy agents alone", alone);
        var restEmpty = await RestWindow.MeasureAsync(plan.Rest, postmaster, frontend.ProcessId, null);
        AgentsReport.Rest("(2) at rest, no idle agents", restEmpty, plan);

        var connecting = Stopwatch.StartNew();
        var idle = await IdleFleetProcess.StartAsync(frontend.BaseAddress, fleet.Select(agent => (agent.ApiKey, agent.Name)));
        var registered = connecting.Elapsed;
        var holding = await SettleAsync(idle, plan.IdleAgents);
        AgentsReport.Connected(plan, registered, connecting.Elapsed, holding);

        var restFull = await RestWindow.MeasureAsync(plan.Rest, postmaster, frontend.ProcessId, idle);
        AgentsReport.Rest($"(3) at rest, {plan.IdleAgents:N0} idle agents", restFull, plan);
        var before = await idle.ReadAsync();
        var loaded = await MeasureBusyAsync(busy, http, plan.Timing, postmaster, frontend.ProcessId, idle);
        var after = await idle.ReadAsync();
        AgentsReport.Busy($"(4) {plan.BusyAgents} busy agents beside {plan.IdleAgents:N0} idle ones", loaded);
        AgentsReport.IdleDuringBusy(before, after, loaded.Run.Window + plan.Timing.Warmup);

        var online = await database.ScalarAsync<long>(
            "SELECT count(*) FROM agents WHERE organization_id NOT IN (0, @busy) AND last_heartbeat_at > now() - make_interval(secs => @offline)",
            ("busy", busy.OrganizationId), ("offline", 45.0));

        await idle.DisposeAsync();
        var aloneAgain = await MeasureBusyAsync(busy, http, plan.Timing, postmaster, frontend.ProcessId, null);
        AgentsReport.Busy($"(5) {plan.BusyAgents} busy agents alone again, the idle agents gone", aloneAgain);
        AgentsReport.Summary(plan, alone, aloneAgain, loaded, restEmpty, restFull, after, online);
    }

    /// <summary>The busy organization's engine loads its whole queue when it activates: done before any window.</summary>
    private static async Task ActivateBusyEngineAsync(BusyAgents busy, HttpClient http)
    {
        var first = (await busy.HeartbeatAsync(http))[0];
        if (await first.ClaimAsync() > 0)
        {
            await first.CompleteAsync();
        }
    }

    private static async Task<BusyFigures> MeasureBusyAsync(BusyAgents busy, HttpClient http, RunTiming timing, int? postmaster, int frontendProcessId, IdleFleetProcess? idle)
    {
        var workers = await busy.HeartbeatAsync(http);
        var cpu = new CpuMeter(postmaster, frontendProcessId, idle?.ProcessId);
        var gc = new SiloPauses();
        using var roundTrips = new DatabaseOperationMeter(PlanekeeperSilo.ApplicationName);
        var run = await PipelineRun.MeasureAsync(workers, timing, () =>
        {
            cpu.Sample();
            gc.Sample();
            roundTrips.Sample();
            return Task.CompletedTask;
        });
        return new BusyFigures(run, cpu.Summarize(), gc.InWindow(), roundTrips.InWindow());
    }

    /// <summary>Waits (polling the idle agents' counters) until every idle agent beats and long-polls; returns the counters then.</summary>
    private static async Task<FleetReading> SettleAsync(IdleFleetProcess idle, int agents)
    {
        var deadline = Stopwatch.StartNew();
        FleetReading reading;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            reading = await idle.ReadAsync();
        }
        while (reading.AgentsStarted < agents && deadline.Elapsed < SettleTimeout);

        return reading;
    }
}

/// <summary>
/// A busy figure: the claim → complete loop's run, where the CPU went, the silo's garbage-collection pauses and its
/// database round trips (all of them: the busy engine's writes, heartbeats, everything else) in the window.
/// </summary>
public sealed record BusyFigures(PipelineResult Run, CpuUse? Cpu, GcPauses Pauses, (long Operations, TimeSpan Duration) RoundTrips);
