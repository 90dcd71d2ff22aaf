namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// Where the machine's CPU went in a measured window, from <c>/proc</c> (Linux): this process (the silo and the
/// simulated agents, or the baseline's workers), the bench's PostgreSQL server (its postmaster and the processes it
/// started), the WebFrontend child (or another server the agents call, named by <paramref name="frontendName"/>), a child
/// process of simulated agents, and everything else (other work on the machine). Elsewhere it reports nothing.
/// </summary>
public sealed class CpuMeter(int? postmasterProcessId, int? frontendProcessId = null, int? agentsProcessId = null, string frontendName = "WebFrontend")
{
    private const double ClockTicksPerSecond = 100; // USER_HZ, the unit of /proc/<pid>/stat
    private readonly List<(DateTime At, Dictionary<string, long> Ticks, (long Busy, long Interrupts) Machine)> _samples = [];

    /// <summary>Called when the window opens and when it closes.</summary>
    public void Sample()
    {
        if (OperatingSystem.IsLinux())
        {
            _samples.Add((DateTime.UtcNow, TicksByGroup(), MachineTicks()));
        }
    }

    public CpuUse? Summarize()
    {
        if (_samples.Count < 2)
        {
            return null;
        }

        var (opened, first, firstMachine) = _samples[0];
        var (closed, last, lastMachine) = _samples[1];
        var seconds = (closed - opened).TotalSeconds;
        double Cores(long ticks) => ticks / ClockTicksPerSecond / seconds;
        double Group(string group) => Cores(last.GetValueOrDefault(group) - first.GetValueOrDefault(group));
        return new CpuUse(
            Group("bench"), Group("postgres"), Group("frontend"), Cores(lastMachine.Interrupts - firstMachine.Interrupts),
            Cores(lastMachine.Busy - firstMachine.Busy), Environment.ProcessorCount, Group("agents"), frontendName);
    }

    private Dictionary<string, long> TicksByGroup()
    {
        var ticks = new Dictionary<string, long>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue; // The process ended meanwhile.
            }

            // pid (comm) state ppid … utime stime: fields 4, 14 and 15, counted after the closing parenthesis of comm.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1]);
            var used = long.Parse(fields[11]) + long.Parse(fields[12]);
            var group = pid == Environment.ProcessId ? "bench"
                : pid == frontendProcessId ? "frontend"
                : pid == agentsProcessId ? "agents"
                : pid == postmasterProcessId || parent == postmasterProcessId ? "postgres"
                : "other";
            ticks[group] = ticks.GetValueOrDefault(group) + used;
        }

        return ticks;
    }

    /// <summary>
    /// Busy time of all cores together (the first line of <c>/proc/stat</c>: user nice system idle iowait irq softirq
    /// steal, less idle and iowait), and the part of it spent in interrupts (irq, softirq: e.g. loopback networking),
    /// which no process is charged for.
    /// </summary>
    private static (long Busy, long Interrupts) MachineTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        return (fields.Take(8).Sum() - fields[3] - fields[4], fields[5] + fields[6]);
    }
}

/// <summary>
/// Cores in use on average over the window, by whom; <see cref="Machine"/> counts everything, <see cref="Other"/> is
/// what no group accounts for (other processes on the machine).
/// </summary>
public sealed record CpuUse(
    double Bench, double Postgres, double Frontend, double Interrupts, double Machine, int Cores, double Agents = 0, string FrontendName = "WebFrontend")
{
    public double Other => Math.Max(0, Machine - Bench - Postgres - Frontend - Agents - Interrupts);

    /// <summary>What the measured loop itself used: everything but other processes on the machine.</summary>
    public double Loop => Machine - Other;

    public override string ToString() =>
        $"CPU {Machine:F2} of {Cores} cores busy: this process {Bench:F2}, PostgreSQL {Postgres:F2}" +
        (Frontend > 0 ? $", {FrontendName} {Frontend:F2}" : "") + (Agents > 0 ? $", agents' process {Agents:F2}" : "") + $", interrupts {Interrupts:F2}, other processes {Other:F2}";
}
