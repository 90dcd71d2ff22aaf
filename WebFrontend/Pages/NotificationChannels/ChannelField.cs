namespace Planekeeper.WebFrontend.Pages.NotificationChannels;

/// <summary>How a channel field is entered on the form.</summary>
public enum ChannelFieldKind
{
    Text,
    Secret,
    Number,
    Security,
    Addresses,
}

/// <summary>
/// One field of a channel type's <c>config</c> as the form shows it; the names, and which are secret, are those of
/// docs/notifications.md's channel table (the grain validates them).
/// </summary>
public sealed record ChannelField(string Name, string Label, ChannelFieldKind Kind, bool Required, string? Hint = null)
{
    public bool IsSecret => Kind == ChannelFieldKind.Secret;

    /// <summary>The form input's name and id: <c>config.url</c> posts as <c>config_url</c>, errors come back as <c>config.url</c>.</summary>
    public string InputName => $"config_{Name}";

    public string ErrorField => $"config.{Name}";
}
