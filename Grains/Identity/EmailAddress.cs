using System.Net.Mail;

namespace Planekeeper.Grains.Identity;

public static class EmailAddress
{
    /// <summary>The trimmed address, or null when it is not a plausible single address.</summary>
    public static string? Normalize(string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 320 || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed)
        {
            return null;
        }

        return trimmed;
    }
}
