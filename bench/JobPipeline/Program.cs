using Planekeeper.Bench.JobPipeline;

// Planekeeper's job cycle (claim → complete with one release) beside a conventional PostgreSQL queue and its batched
// ceiling, all on one fresh database of the private dev PostgreSQL, in one run. See bench/README.md.
// Usage: dotnet run -c Release --project bench/JobPipeline [-- --warmup 2 --seconds 10]
if (args is [NullAgentApi.Command, var port])
{
    return await NullAgentApi.RunAsync(int.Parse(port));
}

var plan = BenchPlan.FromArguments(args);
await using var database = await BenchDatabase.CreateAsync();
Report.Header(database, await database.ServerVersionAsync(), plan);

var skipLocked = await QueuePipeline.MeasureAsync(database, new QueueTable("skip_locked_jobs"), plan.SkipLockedJobs, BenchPlan.Agents,
    async (dataSource, table) => await SkipLockedQueue.ConnectAsync(dataSource, table), plan.Timing);
Report.Throughput("(b)  PostgreSQL queue, SKIP LOCKED, 1 job per transaction", BenchPlan.Agents, skipLocked);
var batched = await QueuePipeline.MeasureAsync(database, new QueueTable("batched_jobs"), plan.BatchedJobs, BenchPlan.Agents,
    async (dataSource, table) => await BatchedQueue.ConnectAsync(dataSource, table), plan.Timing);
Report.Throughput($"(c)  ceiling: same transitions, {BatchedQueue.BatchSize} rows per transaction", BenchPlan.Agents, batched, "rows/s");

var httpFloor = await HttpFloor.MeasureAsync(database, plan.Timing);
Report.Latency("(e)  HTTP floor: the (d2) loop against a server doing nothing", BenchPlan.LatencyAgents, httpFloor);

var planekeeper = await PlanekeeperFigures.MeasureAsync(database, plan);
Report.Summary(planekeeper, skipLocked, batched, httpFloor);
return 0;
