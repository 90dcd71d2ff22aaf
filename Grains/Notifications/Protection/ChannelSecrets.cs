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
}
