namespace Planekeeper.Grains.Notifications.Senders;

/// <summary><c>NOTIFICATION_ALLOW_PRIVATE_URLS</c>: whether deliveries may reach private and local addresses.</summary>
public sealed record NotificationNetworkSettings(bool AllowPrivateUrls);
