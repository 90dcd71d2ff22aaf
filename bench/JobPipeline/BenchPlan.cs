namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// How many agents each figure runs and how many queued jobs it seeds: enough that no queue runs dry in its window
/// (about 1.5× what this 2-core machine gets through in warm-up plus window; a dry queue is reported). Raised on
/// 6 Dec 2026, when (a1) and (a2) ran dry at about 12,000 jobs/s and (c) reached 31,000 rows/s.
/// </summary>
public sealed record BenchPlan(RunTiming Timing, int Slots)
{
    /// <summary>The Agent program's default <c>AGENT_CONCURRENCY</c> (docs/agent.md, "Running several tasks at once").</summary>
    public const int AgentProgramSlots = 4;

    public const int Agents = 50;
    public const int LatencyAgents = 100;

    /// <summary>
    /// How long each agent of (f1) and (f2) works on a task between its claim and its completion: a fast gather. 100
    /// agents then claim about 950 times a second, far below what the machine can do.
    /// </summary>
    public static readonly TimeSpan WorkingTaskTime = TimeSpan.FromMilliseconds(100);

    public int ScaledJobs(int perSecond) => (int)(perSecond * (Timing.Warmup + Timing.Measured).TotalSeconds * 1.5) + 1_000;

    public int GrainJobs => ScaledJobs(20_000);

    public int HttpJobs => ScaledJobs(20_000);

    public int HttpPerTaskJobs => ScaledJobs(8_000);

    public int WorkingJobs => ScaledJobs(1_500);

    public RunTiming WorkingTiming => Timing with { TaskTime = WorkingTaskTime };

    public int SkipLockedJobs => ScaledJobs(8_000);

    public int BatchedJobs => ScaledJobs(40_000);

    /// <summary><c>--warmup 2 --seconds 10 --slots 4</c> by default (<c>--slots 1</c>: one task per agent at a time, as before).</summary>
    public static BenchPlan FromArguments(string[] args)
    {
        var warmup = TimeSpan.FromSeconds(Argument(args, "--warmup", 2));
        var measured = TimeSpan.FromSeconds(Argument(args, "--seconds", 10));
        return new BenchPlan(new RunTiming(warmup, measured), (int)Argument(args, "--slots", AgentProgramSlots));
    }

    private static double Argument(string[] args, string name, double defaultValue)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], System.Globalization.CultureInfo.InvariantCulture) : defaultValue;
    }
}
