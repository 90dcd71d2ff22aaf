namespace Planekeeper.Grains.Interfaces.Tasks;

/// <summary>
/// The answer to a claim that may be held by the frontend: the tasks claimed now, or none and <see cref="Held"/> (the
/// engine listed the wait; a task comes through <see cref="IClaimAnswers"/>). A server agent's claim is never held:
/// it waited in the silo and <see cref="Tasks"/> is final.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.tasks.claim-or-hold")]
public sealed record ClaimOrHold([property: Id(0)] IReadOnlyList<TaskAssignment> Tasks, [property: Id(1)] bool Held);
