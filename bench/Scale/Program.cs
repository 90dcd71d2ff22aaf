using Planekeeper.Bench.Scale;

// How the silo's cost grows with organizations and jobs: 1,000 / 10,000 / 100,000 / 1,000,000 scheduled jobs, 100 per
// organization, each size in a child process of its own on a fresh database. See bench/README.md.
// Usage: dotnet run -c Release --project bench/Scale [-- --max-jobs 100000] [-- --min-jobs 1000000] [-- --agents 8]
if (args is ["--one-size", var size, var agentCount])
{
    SizeRun.Print(await SizeRun.MeasureAsync(int.Parse(size), int.Parse(agentCount)));
    return 0;
}

var maxJobs = Option("--max-jobs") ?? 1_000_000;
var minJobs = Option("--min-jobs") ?? 1_000;
var agents = Option("--agents") ?? DrainingAgents.DefaultCount;
int[] sizes = [.. new[] { 1_000, 10_000, 100_000, 1_000_000 }.Where(jobs => jobs >= minJobs && jobs <= maxJobs)];
ScaleReport.Header(sizes);
var measured = new List<SizeFigures>();
foreach (var jobs in sizes)
{
    var figures = await ChildRun.MeasureAsync(jobs, agents);
    ScaleReport.Size(figures);
    measured.Add(figures);
}

ScaleReport.Growth(measured);
return 0;

int? Option(string name) => args.Index().FirstOrDefault(arg => arg.Item == name) is { Item: not null } found && found.Index + 1 < args.Length
    ? int.Parse(args[found.Index + 1])
    : null;
