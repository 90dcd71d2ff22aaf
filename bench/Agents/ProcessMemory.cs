namespace Planekeeper.Bench.Agents;

/// <summary>A process's resident set (<c>VmRSS</c> of <c>/proc/&lt;pid&gt;/status</c>, Linux), in MiB; 0 elsewhere.</summary>
public static class ProcessMemory
{
    public static double ResidentMiB(int processId)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }
}
