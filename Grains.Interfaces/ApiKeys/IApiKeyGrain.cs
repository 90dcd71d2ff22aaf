using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.ApiKeys;

/// <summary>One API key: its secret's hash, state and last use.</summary>
[Alias("planekeeper.api-keys.key")]
public interface IApiKeyGrain : IGrainWithIntegerKey
{
    /// <summary>Checks the secret part of <c>pk_&lt;id&gt;_&lt;secret&gt;</c> in constant time.</summary>
    [Alias("authenticate")]
    Task<ApiKeyAuthentication> AuthenticateAsync(string secret);

    [Alias("get")]
    Task<ApiKeyRecord?> GetAsync();

    [Alias("rename")]
    Task<CommandResult<ApiKeyRecord>> RenameAsync(string actor, string name);

    [Alias("toggle")]
    Task<CommandResult<ApiKeyRecord>> ToggleAsync(string actor);

    [Alias("deactivate")]
    Task<CommandResult<ApiKeyRecord>> DeactivateAsync(string actor);
}
