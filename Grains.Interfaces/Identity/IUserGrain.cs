using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Identity;

/// <summary>One user: profile, approval, global admin flag, password and its brute-force counter.</summary>
[Alias("planekeeper.identity.user")]
public interface IUserGrain : IGrainWithIntegerKey
{
    /// <summary>Interleaves with writes (a sign-in's lockout write, an approval), which replace the user's row whole.</summary>
    [AlwaysInterleave]
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

    /// <summary>
    /// A global admin makes the account a global admin (or takes that back). Taking it back from the last global admin
    /// who is not locked is a conflict; an admin may take it back from themselves while another remains. Audited.
    /// </summary>
    [Alias("set-global-admin")]
    Task<CommandResult<UserRecord>> SetGlobalAdminAsync(string actor, bool globalAdmin);

    /// <summary>
    /// A global admin locks the account (or unlocks it). A locked account cannot sign in (the sign-in says so, once the
    /// password is right) and every one of its sessions ends at once; its API keys are the organizations' and keep
    /// working. An admin cannot lock themselves, so a global admin who can act always remains. Idempotent; audited.
    /// </summary>
    [Alias("set-locked")]
    Task<CommandResult<UserRecord>> SetLockedAsync(string actor, bool locked);

    /// <summary>
    /// Replaces the password after checking the current one (a wrong one counts as a failed sign-in), then ends
    /// every other session of the user.
    /// </summary>
    /// <param name="keepSessionKey">The grain key of the session the change was made in (kept), if any.</param>
    /// <returns>How many other sessions were ended.</returns>
    [Alias("change-password")]
    Task<CommandResult<int>> ChangePasswordAsync(string currentPassword, string newPassword, string? keepSessionKey);
}
