namespace Planekeeper.Grains.Interfaces.Identity;

/// <summary>One sign-in session, keyed by the hex SHA-256 of its cookie value.</summary>
[Alias("planekeeper.identity.session")]
public interface ISessionGrain : IGrainWithStringKey
{
    /// <returns>When the session ends at the latest (its absolute lifetime).</returns>
    [Alias("open")]
    Task<DateTime> OpenAsync(long userId, SessionOrigin origin);

    /// <summary>
    /// The signed-in user, or null when the session is unknown, expired, idle too long or signed out; a valid
    /// session counts the call as activity.
    /// </summary>
    [Alias("user")]
    Task<long?> GetUserIdAsync();

    [Alias("close")]
    Task CloseAsync();
}
