namespace Planekeeper.Grains.Interfaces.Tasks;

/// <summary>
/// One task of an agent's report (docs/jobs.md, "Reporting several tasks at once"): what it found
/// (<see cref="Result"/>, the task completed) or why it failed (<see cref="Failure"/>); exactly one of the two.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.tasks.finished-task")]
public sealed record FinishedTask([property: Id(0)] long TaskId, [property: Id(1)] TaskResult? Result, [property: Id(2)] TaskFailure? Failure);
