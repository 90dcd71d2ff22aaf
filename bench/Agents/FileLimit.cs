namespace Planekeeper.Bench.Agents;

/// <summary>
/// The open-file limit of this process (<c>Max open files</c> of <c>/proc/self/limits</c>), which the frontend and the
/// idle agents' process inherit. The .NET runtime raises its soft limit to the hard limit at start, so the hard limit
/// (<c>ulimit -Hn</c>) is what counts: each held long-poll is a connection, a file descriptor at both ends.
/// </summary>
public static class FileLimit
{
    public static long? Current()
    {
        const string limits = "/proc/self/limits";
        if (!File.Exists(limits))
        {
            return null;
        }

        var line = File.ReadLines(limits).FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
    }

    /// <summary>Stops the benchmark at once, naming what to raise, when a process could not hold <paramref name="needed"/> files.</summary>
    public static void Require(long needed)
    {
        if (Current() is { } limit && limit < needed)
        {
            throw new InvalidOperationException(
                $"the open-file limit is {limit}, below the {needed} the frontend needs for this many agents: raise it (ulimit -n {needed}, or the hard limit) and run again");
        }
    }
}
