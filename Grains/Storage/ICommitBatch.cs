namespace Planekeeper.Grains.Storage;

/// <summary>What a <see cref="GroupCommit{TBatch}"/> collects between writes.</summary>
public interface ICommitBatch
{
    bool IsEmpty { get; }

    /// <summary>Full batches take no more changes: the next ones go into a new batch, written after it.</summary>
    bool IsFull { get; }

    /// <summary>
    /// Whether this batch changes something <paramref name="earlier"/> (still being written) changes too, so that its
    /// write must wait until the earlier one has ended. By default every batch does: one write at a time.
    /// </summary>
    bool Overlaps(ICommitBatch earlier) => true;
}
