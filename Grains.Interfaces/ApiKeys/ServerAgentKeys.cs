namespace Planekeeper.Grains.Interfaces.ApiKeys;

/// <summary>Keys server agents provision for themselves with the bootstrap secret: named by this prefix and the host.</summary>
public static class ServerAgentKeys
{
    public const string AutoProvisionedPrefix = "serveragent-auto-";

    public static bool IsAutoProvisioned(ApiKeyRecord key) => key.OrganizationId == 0 && key.Name.StartsWith(AutoProvisionedPrefix, StringComparison.Ordinal);
}
