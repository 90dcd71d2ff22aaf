namespace Planekeeper.Grains.Interfaces.Identity;

/// <summary>A user's sessions: the list and revocation. Stateless.</summary>
[Alias("planekeeper.identity.sessions")]
public interface ISessionDirectoryGrain : IGrainWithIntegerKey
{
    /// <param name="currentKey">The grain key of the caller's own session (marked current), if any.</param>
    [Alias("list")]
    Task<IReadOnlyList<SessionView>> ListAsync(long userId, string? currentKey);

    /// <returns>False when the user has no active session with this id.</returns>
    [Alias("revoke")]
    Task<bool> RevokeAsync(long userId, long sessionId, string actor);

    /// <summary>Ends every active session of the user except <paramref name="keepKey"/> (null: all of them).</summary>
    /// <returns>How many sessions were ended.</returns>
    [Alias("revoke-all")]
    Task<int> RevokeAllAsync(long userId, string? keepKey, string actor);
}
