namespace Planekeeper.Grains.Interfaces.Identity;

/// <summary>One user: profile, approval, global admin flag, password and its brute-force counter.</summary>
[Alias("planekeeper.identity.user")]
public interface IUserGrain : IGrainWithIntegerKey
{
    [Alias("get")]
    Task<UserRecord?> GetAsync();

    /// <summary>
    /// Checks a password; repeated failures lock the account for a growing time. The lock does not hold back a
    /// <paramref name="knownClient"/> (one that signed in to this account before).
    /// </summary>
    [Alias("check-password")]
    Task<PasswordCheck> CheckPasswordAsync(string password, bool knownClient);

    /// <summary>A global admin lets the account use the product (or takes that back).</summary>
    [Alias("set-approved")]
    Task<UserRecord?> SetApprovedAsync(string actor, bool approved);
}
