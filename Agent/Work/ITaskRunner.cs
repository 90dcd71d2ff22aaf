using Planekeeper.Agent.Server;

namespace Planekeeper.Agent.Work;

/// <summary>Runs one claimed task to its result.</summary>
public interface ITaskRunner
{
    /// <exception cref="TaskFailedException">The task cannot produce a result.</exception>
    Task<TaskReport> RunAsync(ClaimedTask task, CancellationToken cancellationToken);
}
