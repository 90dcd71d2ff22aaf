namespace Planekeeper.WebFrontend.Availability;

/// <summary>
/// The outage verdict from the cluster checks: out after <c>threshold</c> consecutive failures, back on the first
/// success. Thread-safe: the monitor writes, every request reads.
/// </summary>
public sealed class OutageState(int threshold)
{
    private int _consecutiveFailures;

    public bool IsOut => Volatile.Read(ref _consecutiveFailures) >= threshold;

    public void RecordSuccess() => Volatile.Write(ref _consecutiveFailures, 0);

    public void RecordFailure() => Interlocked.Increment(ref _consecutiveFailures);
}
