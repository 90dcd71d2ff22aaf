namespace Planekeeper.Grains.Interfaces.Identity;

/// <summary>One sign-in session, keyed by the hex SHA-256 of its cookie value.</summary>
[Alias("planekeeper.identity.session")]
public interface ISessionGrain : IGrainWithStringKey
{
    [Alias("open")]
    Task OpenAsync(long userId, DateTime expiresAt);

    /// <summary>The signed-in user, or null when the session is unknown, expired or signed out.</summary>
    [Alias("user")]
    Task<long?> GetUserIdAsync();

    [Alias("close")]
    Task CloseAsync();
}
