using Planekeeper.Grains.Alerts;

namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// The template categories (docs/notifications.md, "Templates") and the alert events each one renders.
/// </summary>
public static class TemplateCategories
{
    public const string NewAlert = "new_alert";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    public static IReadOnlyList<string> All { get; } = [NewAlert, Acknowledged, Resolved];

    /// <summary>The category of an alert event; anything else is an <see cref="ArgumentException"/>.</summary>
    public static string For(string eventName) => eventName switch
    {
        AlertEvents.Created or AlertEvents.Escalated => NewAlert,
        AlertEvents.Acknowledged or AlertEvents.Unacknowledged => Acknowledged,
        AlertEvents.Resolved => Resolved,
        _ => throw new ArgumentException($"'{eventName}' is not an alert event", nameof(eventName)),
    };
}
