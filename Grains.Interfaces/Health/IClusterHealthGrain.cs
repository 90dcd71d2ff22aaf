namespace Planekeeper.Grains.Interfaces.Health;

/// <summary>
/// Answers readiness probes: reaching it proves the cluster answers, and it checks the database
/// from inside the cluster so the frontend never runs SQL itself.
/// </summary>
[Alias("planekeeper.health.cluster")]
public interface IClusterHealthGrain : IGrainWithIntegerKey
{
    /// <summary>The single activation every frontend asks.</summary>
    public const long Key = 0;

    [Alias("check")]
    Task<ClusterHealthReport> CheckAsync();
}
