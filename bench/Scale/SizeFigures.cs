namespace Planekeeper.Bench.Scale;

/// <summary>What one size measured, passed from its child process to the report as one JSON line.</summary>
public sealed record SizeFigures(
    int Jobs,
    int Organizations,
    double EmptyRssMiB,
    double RestRssMiB,
    double HoldingRssMiB,
    double HeapBytesPerJob,
    double RunningPeakRssMiB,
    int ActivationsAtRest,
    int ActivationsHolding,
    double IdleCollectionSeconds,
    int ActivationsRunningPeak,
    Percentiles FirstClaim,
    Percentiles ActiveClaim,
    double RoundTripsPerActivation,
    Percentiles SweepRead,
    int DueInWindow,
    int Claimed,
    int Failures,
    Percentiles Lag,
    double RoundTripsPerRun,
    string RunCpu,
    double DatabaseMiB,
    double SeedSeconds,
    double TotalSeconds,
    List<Percentiles> LagBySlice,
    Percentiles ClaimCalls,
    Percentiles CompleteCalls,
    int EmptyClaims,
    List<int> ActiveEnginesBySecond,
    double ActiveSamplingFromSeconds,
    double ScheduledAheadSeconds,
    double AgentsBusyShare,
    int Agents,
    List<CollectorSample> CollectorBySecond)
{
    public const string LinePrefix = "SCALE-FIGURES ";

    /// <summary>Resident memory the jobs add to the empty silo, per job, with every engine holding its jobs.</summary>
    public double RssBytesPerJob => (HoldingRssMiB - EmptyRssMiB) * 1024 * 1024 / Jobs;
}
