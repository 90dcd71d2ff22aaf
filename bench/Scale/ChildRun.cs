using System.Diagnostics;
using System.Text.Json;

namespace Planekeeper.Bench.Scale;

/// <summary>Runs one size in a new process of this program (its progress goes to standard error as it comes).</summary>
public static class ChildRun
{
    public static async Task<SizeFigures> MeasureAsync(int jobs, int agents)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildRun).Assembly.Location);
        }

        start.ArgumentList.Add("--one-size");
        start.ArgumentList.Add(jobs.ToString());
        start.ArgumentList.Add(agents.ToString());
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(line => line.StartsWith(SizeFigures.LinePrefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"the run of {jobs:N0} jobs ended ({child.ExitCode}) without figures:\n{output}");
        return JsonSerializer.Deserialize<SizeFigures>(line[SizeFigures.LinePrefix.Length..])!;
    }
}
