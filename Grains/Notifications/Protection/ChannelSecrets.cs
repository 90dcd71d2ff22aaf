using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Planekeeper.Grains.Notifications.Protection;

/// <summary>A channel's secret fields, encrypted at rest as one Data Protection payload.</summary>
public sealed class ChannelSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("planekeeper.notification-channel-secrets.v1");

    public string? Protect(IReadOnlyDictionary<string, string> secrets) =>
        secrets.Count == 0 ? null : _protector.Protect(JsonSerializer.Serialize(secrets));

    public IReadOnlyDictionary<string, string> Unprotect(string? ciphertext) =>
        ciphertext is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(_protector.Unprotect(ciphertext))!;

    /// <summary>
    /// The stored secrets, or none when the key that encrypted them is gone — a database restored without its key ring
    /// certificate (docs/deploy.md, "Backups and restore"). An edit then stores the secrets it sends, so re-entering
    /// them repairs the channel instead of failing on the old ones.
    /// </summary>
    public IReadOnlyDictionary<string, string> UnprotectOrNone(string? ciphertext)
    {
        try
        {
            return Unprotect(ciphertext);
        }
        catch (CryptographicException)
        {
            return new Dictionary<string, string>();
        }
    }
}
