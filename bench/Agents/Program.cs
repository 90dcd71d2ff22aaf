using Planekeeper.Bench.Agents;

// Ten thousand idle client agents on one frontend (heartbeating, long-polling) beside 50 busy ones, and the busy
// agents' claim latency beside the same 50 alone, in one run. See bench/README.md.
// Usage: dotnet run -c Release --project bench/Agents [-- --organizations 1000 --agents-per-organization 10 --busy 50 --rest 30 --warmup 5 --seconds 15]
if (args is [IdleFleet.Command, var frontend, var keysFile])
{
    return await IdleFleet.RunAsync(new Uri(frontend), keysFile);
}

var plan = AgentsPlan.FromArguments(args);
FileLimit.Require(plan.FilesNeeded);
await AgentsRun.RunAsync(plan);
return 0;
