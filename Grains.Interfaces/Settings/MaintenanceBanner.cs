namespace Planekeeper.Grains.Interfaces.Settings;

/// <summary>
/// The announcement every Client UI page shows: the global setting <c>maintenance_banner</c>, written
/// <c>level:message</c> with the level <c>info</c>, <c>warn</c> or <c>critical</c> (docs/operations.md, "The banner").
/// </summary>
public sealed record MaintenanceBanner(string Level, string Message)
{
    public const string Setting = "maintenance_banner";

    public const int MaxMessageLength = 500;

    public static readonly IReadOnlyList<string> Levels = ["info", "warn", "critical"];

    /// <summary>The banner a setting value describes; null for an empty value.</summary>
    /// <param name="problem">Why a non-empty value is not a banner.</param>
    public static MaintenanceBanner? Parse(string? value, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var separator = value.IndexOf(':');
        var level = separator < 0 ? "" : value[..separator].Trim().ToLowerInvariant();
        var message = separator < 0 ? "" : value[(separator + 1)..].Trim();
        problem = !Levels.Contains(level) ? "maintenance_banner must be level:message with the level info, warn or critical, e.g. warn:Database upgrade at 22:00 UTC"
            : message.Length == 0 ? "maintenance_banner needs a message after the level"
            : message.Length > MaxMessageLength ? $"the message of maintenance_banner is at most {MaxMessageLength} characters"
            : null;
        return problem is null ? new MaintenanceBanner(level, message) : null;
    }

    /// <summary>Stands for this exact level and message, so a dismissal lasts until either changes.</summary>
    public string Id => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{Level}:{Message}")))[..16];
}
