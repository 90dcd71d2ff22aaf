using Orleans.Concurrency;

namespace Planekeeper.Grains.Interfaces.Tasks;

/// <summary>
/// A frontend that holds agents' long-polls itself (docs/architecture.md, "Long-polls held by the frontend"): the task
/// engine only lists the wait, and when a job comes for it, hands the job out and tells the frontend here once the
/// claim is written. No grain call stays open in the silo while an agent waits.
/// </summary>
[Alias("planekeeper.tasks.claim-answers")]
public interface IClaimAnswers : IGrainObserver
{
    /// <summary>
    /// The held claim <paramref name="waitId"/> got <paramref name="assignment"/>, already written; null: its wait ended
    /// with nothing (stopped, the engine restarting).
    /// </summary>
    [Alias("answer"), OneWay]
    Task AnswerAsync(long waitId, TaskAssignment? assignment);
}
