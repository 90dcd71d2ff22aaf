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

    /// <summary>
    /// Renames the key and/or replaces its roles (either may be null, not both). New roles are bounded by what the
    /// actor holds (403 naming what is missing); they are written before the name, so a refusal changes nothing.
    /// </summary>
    [Alias("edit")]
    Task<CommandResult<ApiKeyRecord>> EditAsync(string actor, string? name, IReadOnlyList<string>? roles);

    [Alias("toggle")]
    Task<CommandResult<ApiKeyRecord>> ToggleAsync(string actor);

    [Alias("deactivate")]
    Task<CommandResult<ApiKeyRecord>> DeactivateAsync(string actor);
}
