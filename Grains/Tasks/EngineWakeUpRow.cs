namespace Planekeeper.Grains.Tasks;

/// <summary>
/// What a task engine knows of its organization's row of <c>task_engine_wake_ups</c> (docs/jobs.md, "How it is built"):
/// a moment no later than anything the engine must next be awake for, so that the wake-up scan finds it. Writes only
/// ever lower the row, in the transaction of the change that needs it sooner; while a job is queued or running the
/// row is in the past. When the engine goes idle (nothing queued or running, no claim waiting, nothing due within
/// <see cref="EngineWakeUpGrain.IdleHorizon"/>) it recomputes the row exactly from its jobs, at most once per
/// <see cref="RecomputeEvery"/>; a busy engine's row stays in the past, which only makes the scan call it again.
/// </summary>
public sealed class EngineWakeUpRow
{
    /// <summary>A row earlier than the engine's next moment by less than this is left as it is.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan RecomputeEvery = TimeSpan.FromSeconds(30);

    private DateTime? _recomputedAt;

    /// <summary>The row's moment as this engine last read or wrote it; null when the organization has no row.</summary>
    public DateTime? Stored { get; private set; }

    /// <summary>
    /// When a job with this run needs its engine: since its start while it runs, since its due time while queued,
    /// at its next run while waiting (and runnable); never otherwise.
    /// </summary>
    public static DateTime? MomentOf(JobRunState run, bool runnable, DateTime now) => run switch
    {
        { Lease: { } lease } => lease.StartedAt,
        _ when !runnable => null,
        { IsQueued: true } => run.NextRunAt ?? now,
        { IsWaiting: true } => run.NextRunAt,
        _ => null,
    };

    public void Loaded(DateTime? stored) => Stored = stored;

    /// <summary>The moment to lower the row to in a write holding these moments; null when the row is early enough.</summary>
    public DateTime? LowerTo(IEnumerable<DateTime?> moments)
    {
        var earliest = moments.Where(moment => moment is not null).Min();
        return earliest < (Stored ?? DateTime.MaxValue) ? earliest : null;
    }

    public void Lowered(DateTime moment) => Stored = moment < (Stored ?? DateTime.MaxValue) ? moment : Stored;

    /// <summary>
    /// Whether to recompute the row now: the engine is idle, the row is earlier than its next moment by more than
    /// <see cref="Slack"/>, and the last recomputation was long enough ago.
    /// </summary>
    public bool ShouldRecompute(DateTime? nextMoment, bool busy, DateTime now) =>
        !busy
        && Stored is { } stored
        && (nextMoment is null || stored < nextMoment.Value - Slack)
        && (_recomputedAt is null || now - _recomputedAt >= RecomputeEvery);

    public void Recomputing(DateTime now) => _recomputedAt = now;

    public void Recomputed(DateTime? stored) => Stored = stored;
}
