namespace Planekeeper.Grains.Interfaces.Tasks;

/// <summary>Operator actions over every organization's task engine. Stateless.</summary>
[Alias("planekeeper.tasks.maintenance")]
public interface ITaskMaintenanceGrain : IGrainWithIntegerKey
{
    /// <summary>Queues again every job in progress for longer than <paramref name="olderThan"/>, in every organization.</summary>
    [Alias("reset-stuck")]
    Task<int> ResetStuckAsync(TimeSpan olderThan);

    /// <summary>
    /// The jobs <see cref="ResetStuckAsync"/> would queue again now: in progress, in every organization, claimed longer
    /// than <paramref name="olderThan"/> ago; longest in progress first.
    /// </summary>
    [Alias("list-stuck")]
    Task<IReadOnlyList<StuckJob>> ListStuckAsync(TimeSpan olderThan);
}
