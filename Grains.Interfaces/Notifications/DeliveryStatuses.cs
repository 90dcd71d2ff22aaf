namespace Planekeeper.Grains.Notifications.Delivery;

/// <summary>
/// A delivery's statuses (docs/notifications.md, "Delivery statuses and retries"): pending → in_progress → succeeded |
/// failed (will retry) → … → dead.
/// </summary>
public static class DeliveryStatuses
{
    public const string Pending = "pending";
    public const string InProgress = "in_progress";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Dead = "dead";

    public static IReadOnlyList<string> All { get; } = [Pending, InProgress, Succeeded, Failed, Dead];
}
