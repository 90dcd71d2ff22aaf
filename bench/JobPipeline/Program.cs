using Planekeeper.Bench.JobPipeline;

// Planekeeper's job cycle (claim → complete with one release) beside a conventional PostgreSQL queue and its batched
// ceiling, all on one fresh database of the private dev PostgreSQL, in one run. See bench/README.md.
// Usage: dotnet run -c Release --project bench/JobPipeline [-- --warmup 2 --seconds 10]
var plan = BenchPlan.FromArguments(args);
await using var database = await BenchDatabase.CreateAsync();
Report.Header(database, await database.ServerVersionAsync(), plan);

var skipLocked = await QueuePipeline.MeasureAsync(database, new QueueTable("skip_locked_jobs"), plan.SkipLockedJobs, BenchPlan.Agents,
    async (db, table) => await SkipLockedQueue.ConnectAsync(db, table), plan.Timing);
Report.Throughput("(b)  PostgreSQL queue, SKIP LOCKED, 1 job per transaction", BenchPlan.Agents, skipLocked);
var batched = await QueuePipeline.MeasureAsync(database, new QueueTable("batched_jobs"), plan.BatchedJobs, BenchPlan.Agents,
    async (db, table) => await BatchedQueue.ConnectAsync(db, table), plan.Timing);
Report.Throughput($"(c)  ceiling: same transitions, {BatchedQueue.BatchSize} rows per transaction", BenchPlan.Agents, batched, "rows/s");

await using var silo = await PlanekeeperSilo.StartAsync(database);
var planekeeper = await PlanekeeperPipeline.CreateAsync(database, silo);
PlanekeeperPipeline.AgentStarter grainAgent = (organization, name) => GrainAgent.HeartbeatAsync(silo.Grains, organization, name);
var grains = await planekeeper.MeasureAsync("a1", BenchPlan.Agents, plan.GrainJobs, grainAgent, plan.Timing);
Report.Planekeeper("(a1) Planekeeper, direct grain calls", BenchPlan.Agents, grains);
var grainLatency = await planekeeper.MeasureAsync("d1", BenchPlan.LatencyAgents, plan.GrainJobs, grainAgent, plan.Timing);
Report.Latency("(d1) Planekeeper claim latency, direct grain calls", BenchPlan.LatencyAgents, grainLatency);

await using var frontend = await WebFrontendProcess.StartAsync(database);
using var http = HttpAgent.Client(frontend.BaseAddress, BenchPlan.LatencyAgents);
PlanekeeperPipeline.AgentStarter httpAgent = (organization, name) => HttpAgent.HeartbeatAsync(http, organization, name);
var overHttp = await planekeeper.MeasureAsync("a2", BenchPlan.Agents, plan.HttpJobs, httpAgent, plan.Timing, frontend.ProcessId);
Report.Planekeeper("(a2) Planekeeper, HTTP through the WebFrontend", BenchPlan.Agents, overHttp);
var httpLatency = await planekeeper.MeasureAsync("d2", BenchPlan.LatencyAgents, plan.HttpJobs, httpAgent, plan.Timing, frontend.ProcessId);
Report.Latency("(d2) Planekeeper claim latency, HTTP", BenchPlan.LatencyAgents, httpLatency);

Report.Summary(grains, overHttp, skipLocked, batched);
return 0;
