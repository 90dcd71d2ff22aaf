using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Identity;

/// <summary>Sign-up, sign-in and the mapping of external identities to users. Stateless.</summary>
[Alias("planekeeper.identity.accounts")]
public interface IAccountsGrain : IGrainWithIntegerKey
{
    [Alias("sign-up")]
    Task<CommandResult<UserRecord>> SignUpAsync(string email, string password, bool autoApprove);

    /// <summary>Every account, oldest first, optionally only those waiting for approval.</summary>
    [Alias("list-users")]
    Task<IReadOnlyList<UserRecord>> ListUsersAsync(bool pendingOnly);

    /// <param name="knownClientToken">The token an earlier sign-in from this client left (see <see cref="SignInResult.KnownClientToken"/>).</param>
    [Alias("sign-in")]
    Task<SignInResult> SignInAsync(string email, string password, SessionOrigin origin, string? knownClientToken);

    /// <summary>
    /// The local user of an external identity provider's subject, created on first use; null when the email
    /// already belongs to a local account (never linked automatically, so a provider account cannot take it over).
    /// </summary>
    [Alias("resolve-external")]
    Task<long?> ResolveExternalUserAsync(string subject, string email, bool autoApprove);
}
