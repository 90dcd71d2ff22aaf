using Planekeeper.Grains.Notifications.Protection;

namespace Planekeeper.Grains.Notifications.Channels;

/// <summary>A stored channel as a sender needs it, its secrets decrypted.</summary>
public sealed class ChannelDefinitions(ChannelSecrets secrets)
{
    public ChannelDefinition Of(ChannelRow row) => new(row.Id, row.Type, row.ConfigObject, secrets.Unprotect(row.Secrets));
}
