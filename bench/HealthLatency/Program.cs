using Planekeeper.Bench.HealthLatency;

// Latency of the frontend's GET /health, beside a baseline measured in the same run: a bare Kestrel
// endpoint in this process returning the same body, i.e. the floor for any HTTP answer on loopback.
// Usage: dotnet run -c Release --project bench/HealthLatency -- [frontend URL] [requests]
var target = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:8080/");
var requests = args.Length > 1 ? int.Parse(args[1]) : 5000;

await using var baseline = await BaselineServer.StartAsync();
using var http = new HttpClient();

var baselineLatency = await LatencyRun.MeasureAsync(http, new Uri(baseline.Address, "health"), requests);
var frontendLatency = await LatencyRun.MeasureAsync(http, new Uri(target, "health"), requests);

Console.WriteLine($"GET /health, {requests} sequential requests over loopback (after {LatencyRun.Warmup} warm-up requests)");
Console.WriteLine($"{"",-28}{"p50 ms",10}{"p90 ms",10}{"p99 ms",10}{"max ms",10}");
Console.WriteLine(baselineLatency.Format("baseline (bare Kestrel)"));
Console.WriteLine(frontendLatency.Format($"frontend {target.Authority}"));
Console.WriteLine($"target: p99 well under 10 ms; frontend p99 is {frontendLatency.P99 / baselineLatency.P99:F1}x the baseline");
