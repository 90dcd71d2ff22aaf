namespace Planekeeper.Grains.Notifications.Channels;

/// <summary>Secret names that are not part of a type's configuration object.</summary>
public static class ChannelSecretNames
{
    /// <summary>The optional HMAC secret every channel may have (a top-level request field).</summary>
    public const string HmacSecret = "hmac_secret";
}
