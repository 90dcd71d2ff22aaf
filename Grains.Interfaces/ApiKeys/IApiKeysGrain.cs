using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.ApiKeys;

/// <summary>Issuing and listing an organization's API keys. Stateless.</summary>
[Alias("planekeeper.api-keys.directory")]
public interface IApiKeysGrain : IGrainWithIntegerKey
{
    [Alias("create")]
    Task<CommandResult<CreatedApiKey>> CreateAsync(string actor, long organizationId, string name, IReadOnlyList<string> roles, DateTime? expiresAt);

    /// <summary>
    /// A server agent started with the deployment's bootstrap secret provisions its own key of the global scope
    /// (<c>serveragent-auto-&lt;hostname&gt;</c>, 30 days). Null when bootstrapping is off or the secret is wrong.
    /// </summary>
    [Alias("provision-server-agent-key")]
    Task<CreatedApiKey?> ProvisionServerAgentKeyAsync(string bootstrapSecret, string hostname);

    [Alias("list")]
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(long organizationId);
}
