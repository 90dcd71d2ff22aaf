using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.ApiKeys;

/// <summary>Issuing and listing an organization's API keys. Stateless.</summary>
[Alias("planekeeper.api-keys.directory")]
public interface IApiKeyDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Issues a key with these roles (default <c>member</c>), which the actor must hold (403 naming what is missing).
    /// A key of the global scope always expires (<see cref="ServerAgentKeys"/>).
    /// </summary>
    [Alias("create")]
    Task<CommandResult<CreatedApiKey>> CreateAsync(string actor, long organizationId, string name, IReadOnlyList<string> roles, DateTime? expiresAt);

    /// <summary>
    /// Deactivates every active key of the organization that <paramref name="userId"/> is behind
    /// (<see cref="ApiKeyRecord.CreatedBy"/>), through each key's grain; answers how many.
    /// </summary>
    [Alias("deactivate-created-by")]
    Task<int> DeactivateCreatedByAsync(string actor, long organizationId, long userId);

    [Alias("list")]
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(long organizationId);
}
