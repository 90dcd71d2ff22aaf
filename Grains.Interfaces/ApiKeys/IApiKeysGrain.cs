using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.ApiKeys;

/// <summary>Issuing and listing an organization's API keys. Stateless.</summary>
[Alias("planekeeper.api-keys.directory")]
public interface IApiKeysGrain : IGrainWithIntegerKey
{
    [Alias("create")]
    Task<CommandResult<CreatedApiKey>> CreateAsync(string actor, long organizationId, string name, IReadOnlyList<string> roles, DateTime? expiresAt);

    [Alias("list")]
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(long organizationId);
}
