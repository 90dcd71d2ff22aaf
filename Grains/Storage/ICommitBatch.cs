namespace Planekeeper.Grains.Storage;

/// <summary>What a <see cref="GroupCommit{TBatch}"/> collects between writes.</summary>
public interface ICommitBatch
{
    bool IsEmpty { get; }

    /// <summary>Full batches take no more changes: the next ones go into a new batch, written after it.</summary>
    bool IsFull { get; }
}
