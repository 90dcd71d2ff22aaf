namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// One simulated agent (or queue worker) of a pipeline: it claims due jobs and reports them completed. It keeps what it
/// claimed until it completes it; a worker is used by one loop at a time.
/// </summary>
public interface IJobWorker : IAsyncDisposable
{
    /// <returns>How many jobs it claimed: 0 when none was due.</returns>
    Task<int> ClaimAsync();

    /// <summary>Completes every job of the last claim, each with a result of one release.</summary>
    Task CompleteAsync();
}
