using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Notifications.Delivery;

/// <summary>
/// Attempt outcomes of one channel that go to the database together, in one statement (the delivery grain's group
/// commit): outcomes that come while a write is running are written with the next one.
/// </summary>
public sealed class OutcomeBatch : ICommitBatch
{
    public List<DeliveryOutcome> Outcomes { get; } = [];

    public bool IsEmpty => Outcomes.Count == 0;

    /// <summary>Never full: a channel has at most one pass's batch of attempts in flight.</summary>
    public bool IsFull => false;
}
