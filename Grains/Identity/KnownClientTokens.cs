using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Planekeeper.Grains.Identity;

/// <summary>
/// The "known client" token a successful sign-in leaves in the browser: the user id, signed and encrypted with Data
/// Protection, valid for <see cref="Lifetime"/>. A sign-in that carries the account's token is not held back by the
/// account's lock, so a stranger's wrong guesses cannot keep the owner out (docs/security.md).
/// </summary>
public sealed class KnownClientTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("planekeeper.known-client.v1").ToTimeLimitedDataProtector();

    public string Issue(long userId) => _protector.Protect(userId.ToString(CultureInfo.InvariantCulture), clock.GetUtcNow() + Lifetime);

    public bool IsFor(string? token, long userId)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        try
        {
            return _protector.Unprotect(token, out var expiration) == userId.ToString(CultureInfo.InvariantCulture) && expiration > clock.GetUtcNow();
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }
}
