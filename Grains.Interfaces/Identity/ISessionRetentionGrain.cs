namespace Planekeeper.Grains.Interfaces.Identity;

/// <summary>The hourly purge of ended sessions (expired, idle too long, or revoked).</summary>
[Alias("planekeeper.identity.session-retention")]
public interface ISessionRetentionGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the reminder (idempotent).</summary>
    [Alias("start")]
    Task StartAsync();

    /// <returns>How many session rows were deleted.</returns>
    [Alias("purge")]
    Task<int> PurgeAsync();
}
