using System.Security.Cryptography;
using System.Text;

namespace Planekeeper.Grains.Notifications.Senders;

/// <summary><c>X-Planekeeper-Signature</c>: <c>sha256=</c> + lowercase hex HMAC-SHA256(secret, "&lt;timestamp&gt;.&lt;body&gt;").</summary>
public static class WebhookSignature
{
    public static string Sign(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
