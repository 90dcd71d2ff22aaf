using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Interfaces.ApiKeys;

/// <summary>
/// Keys of the global scope (organization 0), held by server agents. They always expire: a global admin's key lives
/// <see cref="DefaultLifetime"/> unless it names an earlier <c>expires_at</c>, never longer than <see cref="MaxLifetime"/>;
/// a key a server agent provisioned for itself with the bootstrap secret is named by <see cref="AutoProvisionedPrefix"/>
/// and the host, and lives 30 days.
/// </summary>
public static class ServerAgentKeys
{
    public const long GlobalOrganizationId = ClaimingAgent.GlobalOrganizationId;

    public const string AutoProvisionedPrefix = "serveragent-auto-";

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);

    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(365);

    public static bool IsAutoProvisioned(ApiKeyRecord key) => key.OrganizationId == GlobalOrganizationId && key.Name.StartsWith(AutoProvisionedPrefix, StringComparison.Ordinal);
}
