using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Planekeeper.Grains.Notifications.Protection;

/// <summary>What an acknowledge link stands for: one alert of one organization, sent over one channel.</summary>
public sealed record AckLinkClaim(long OrganizationId, long AlertId, long ChannelId);

/// <summary>
/// Acknowledge-link tokens: the claim, signed and encrypted with Data Protection, valid for
/// <c>NOTIFICATION_ACK_TOKEN_EXPIRY</c> (24 h). A tampered or expired token reads as null.
/// </summary>
public sealed class AckTokens(IDataProtectionProvider provider, NotificationSettings settings, TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("planekeeper.ack-link.v1").ToTimeLimitedDataProtector();

    public string Issue(AckLinkClaim claim) => _protector.Protect(
        string.Join(':', claim.OrganizationId, claim.AlertId, claim.ChannelId), clock.GetUtcNow() + settings.AckTokenExpiry);

    /// <returns>The claim; null when the token is expired, tampered with or not one of ours (<paramref name="expired"/> says which).</returns>
    public AckLinkClaim? Read(string token, out bool expired)
    {
        expired = false;
        try
        {
            var parts = _protector.Unprotect(token, out var expiration).Split(':');
            if (expiration < clock.GetUtcNow())
            {
                expired = true;
                return null;
            }

            return new AckLinkClaim(Number(parts[0]), Number(parts[1]), Number(parts[2]));
        }
        catch (CryptographicException e) when (e.Message.Contains("expired", StringComparison.OrdinalIgnoreCase))
        {
            expired = true;
            return null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static long Number(string text) => long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
