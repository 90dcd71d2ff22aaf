using System.Globalization;
using Planekeeper.Bench.JobPipeline;

namespace Planekeeper.Bench.Agents;

/// <summary>
/// The fleet and the windows of one run: <c>--organizations 1000 --agents-per-organization 10 --busy 50 --rest 30
/// --warmup 5 --seconds 15</c> by default (10,000 idle agents, 50 busy ones).
/// </summary>
public sealed record AgentsPlan(int Organizations, int AgentsPerOrganization, int BusyAgents, TimeSpan Rest, RunTiming Timing)
{
    /// <summary>Claim → complete cycles a second the busy agents get through on this machine, at most (sizes the queue).</summary>
    private const int BusyCyclesPerSecond = 2_500;

    public int IdleAgents => Organizations * AgentsPerOrganization;

    /// <summary>
    /// The busy agents' first run, not measured: the frontend and the silo compile their hot paths (tiered JIT), so
    /// that the first figure (alone) is not the slower for coming first.
    /// </summary>
    public static readonly TimeSpan JitWarmup = TimeSpan.FromSeconds(15);

    /// <summary>The three busy figures and the JIT warm-up, with half as much again: the queue must not run dry (a dry claim would long-poll).</summary>
    public int QueuedJobs => (int)(BusyCyclesPerSecond * ((Timing.Warmup + Timing.Measured) * 3 + JitWarmup).TotalSeconds * 1.5);

    /// <summary>The frontend's connections (one per held long-poll, the busy agents', a few heartbeats) with room to spare.</summary>
    public int FilesNeeded => IdleAgents + BusyAgents * 2 + 1_000;

    public static AgentsPlan FromArguments(string[] args) => new(
        (int)Argument(args, "--organizations", 1_000),
        (int)Argument(args, "--agents-per-organization", 10),
        (int)Argument(args, "--busy", 50),
        TimeSpan.FromSeconds(Argument(args, "--rest", 30)),
        new RunTiming(TimeSpan.FromSeconds(Argument(args, "--warmup", 5)), TimeSpan.FromSeconds(Argument(args, "--seconds", 15))));

    private static double Argument(string[] args, string name, double defaultValue)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : defaultValue;
    }
}
