namespace Planekeeper.Grains.Interfaces.Tasks;

/// <summary>Operator actions over every organization's task engine. Stateless.</summary>
[Alias("planekeeper.tasks.maintenance")]
public interface ITaskMaintenanceGrain : IGrainWithIntegerKey
{
    /// <summary>Queues again every job in progress for longer than <paramref name="olderThan"/>, in every organization.</summary>
    [Alias("reset-stuck")]
    Task<int> ResetStuckAsync(TimeSpan olderThan);
}
