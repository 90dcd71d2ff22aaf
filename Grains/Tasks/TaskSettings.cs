namespace Planekeeper.Grains.Tasks;

/// <summary>
/// The task engine's numbers (docs/jobs.md, "Leases and recovery"): a claim's lease (<c>TASK_LEASE_SECONDS</c>, 30),
/// tries of one run before it fails (<c>TASK_MAX_ATTEMPTS</c>, 3), when a job in progress counts as stuck
/// (<c>TASK_STALE_AFTER</c>, 1 h) and how often each engine sweeps for anything missed (<c>TASK_SWEEP_INTERVAL</c>,
/// 2 min).
/// </summary>
public sealed record TaskSettings(TimeSpan LeaseDuration, int MaxAttempts, TimeSpan StaleAfter, TimeSpan SweepInterval)
{
    public static readonly TaskSettings Default = new(TimeSpan.FromSeconds(30), 3, TimeSpan.FromHours(1), TimeSpan.FromMinutes(2));

    /// <summary>
    /// The longest a claim may wait for work (<c>wait_seconds</c>, docs/jobs.md, "Claiming (Agent API)").
    /// </summary>
    public static readonly TimeSpan MaxClaimWait = TimeSpan.FromSeconds(25);
}
