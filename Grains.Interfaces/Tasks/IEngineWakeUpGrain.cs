namespace Planekeeper.Grains.Interfaces.Tasks;

/// <summary>
/// Activates the task engines of organizations whose jobs fall due (or whose leases end) soon, from one query of the job
/// tables every few seconds, so idle engines can be collected (docs/jobs.md, "How it is built"). Key: 0.
/// </summary>
[Alias("planekeeper.tasks.wake-up")]
public interface IEngineWakeUpGrain : IGrainWithIntegerKey
{
    /// <summary>Starts the scans (idempotent; every silo calls it at start, and a reminder brings it back after a crash).</summary>
    [Alias("start")]
    Task StartAsync();
}
