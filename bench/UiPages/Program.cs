using Planekeeper.Bench.HealthLatency;
using Planekeeper.Bench.JobPipeline;
using Planekeeper.Bench.UiPages;

// Round trip of the dashboard, the gather jobs list and the alerts list of a large organization, from one sequential
// client on loopback, beside GET /health in the same run. See bench/README.md.
// Usage: dotnet run -c Release --project bench/UiPages [-- <requests per page>]   (default: 500)
const double TargetP99 = 50;
var warmupTime = TimeSpan.FromSeconds(20);
var requests = args.Length > 0 ? int.Parse(args[0]) : 500;
var seed = new PageSeed(Apps: 1000, AlertsPerConfig: 10);

await using var database = await BenchDatabase.CreateAsync();
await using var silo = await PlanekeeperSilo.StartAsync(database);
var organization = await PageOrganization.CreateAsync(silo.Grains, database, seed);
// One user makes every request; at the default limit (100 a minute) the run would be refused.
await using var frontend = await ServerProcess.StartFrontendAsync(database, new Dictionary<string, string> { ["RATE_LIMIT_MAX_REQUESTS"] = "1000000" });
using var http = await SignedIn.ClientAsync(frontend.BaseAddress, organization.OwnerEmail, organization.OwnerPassword);

UiPage[] pages =
[
    new("GET / (dashboard)", "/", ["Acme platform", $"{seed.Apps} open", "The 10 most drifted alert configs", "3 majors", "dashboard-alert-history"]),
    new("GET /gather-jobs", "/gather-jobs", [">app-1<", ">4.0.0<", "Next page"]),
    new("GET /alerts", "/alerts", ["Select the alert of app-", "Older alerts"]),
];
var health = new UiPage("GET /health", "/health", []);
await health.ConfirmAsync(http);

Console.WriteLine($"UI pages — {Environment.ProcessorCount} cores, PostgreSQL {await database.ServerVersionAsync()}; one organization of " +
    $"{seed.Apps:N0} gather jobs, {seed.Apps:N0} scrape jobs, {seed.Apps:N0} alert configs, {seed.Alerts:N0} alerts ({seed.Apps:N0} active)");
foreach (var page in pages)
{
    Console.WriteLine($"  {page.Label,-20} 200, {await page.ConfirmAsync(http) / 1024.0,6:F1} KB");
}

var warmup = await Warmup.RunAsync(http, [health, .. pages], warmupTime);
Console.WriteLine($"{requests} sequential requests per page over loopback, one signed-in client, after a {warmupTime.TotalSeconds:0} s warm-up " +
    $"({warmup:N0} requests over all pages) and {LatencyRun.Warmup} more requests of the page itself");
Console.WriteLine($"{"",-28}{"p50 ms",10}{"p90 ms",10}{"p99 ms",10}{"max ms",10}");
var postmaster = await database.PostmasterProcessIdAsync();
var verdicts = new List<string>();
foreach (var page in pages.Prepend(health))
{
    var run = await PageRun.MeasureAsync(http, new Uri(frontend.BaseAddress, page.Path), requests, postmaster, frontend.ProcessId);
    Console.WriteLine(run.Latency.Format(page.Label));
    Console.WriteLine(run.CpuPerRequest());
    if (page != health)
    {
        verdicts.Add($"target: p99 < {TargetP99:0} ms: {(run.Latency.P99 < TargetP99 ? "met    " : "not met")}  {page.Label} (p99 {run.Latency.P99:F1} ms)");
    }
}

verdicts.ForEach(Console.WriteLine);
return 0;
