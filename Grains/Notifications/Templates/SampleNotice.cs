namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>A realistic notice for previews and channel tests.</summary>
public static class SampleNotice
{
    public static AlertNotice For(string eventName) => new(
        eventName, new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc), Guid.Parse("00000000-0000-4000-8000-000000000001"), 1, "Acme",
        42, "k8s prod", "minors", "minors_behind", "high", eventName == Alerts.AlertEvents.Escalated ? "moderate" : null, 2,
        "1.27.3", "1.29.4", "github.com/kubernetes/kubernetes", "https://git.example.com/acme/infra.git", "clusters/prod/values.yaml",
        "behind", eventName == Alerts.AlertEvents.Acknowledged, new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc),
        eventName == Alerts.AlertEvents.Resolved ? null : "https://planekeeper.example.com/ack/sample-token");
}
