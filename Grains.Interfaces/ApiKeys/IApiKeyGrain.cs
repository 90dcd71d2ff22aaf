using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.ApiKeys;

/// <summary>
/// One API key: its secret's hash, state and last use. Every call but <see cref="AuthenticateAsync"/> names the
/// caller's organization; another organization's key answers exactly as a missing one (docs/security.md, "Tenancy").
/// New aliases (<c>…-in-org</c>) since the organization was added.
/// </summary>
[Alias("planekeeper.api-keys.key")]
public interface IApiKeyGrain : IGrainWithIntegerKey
{
    /// <summary>Checks the secret part of <c>pk_&lt;id&gt;_&lt;secret&gt;</c> in constant time.</summary>
    [Alias("authenticate")]
    Task<ApiKeyAuthentication> AuthenticateAsync(string secret);

    [Alias("get-in-org")]
    Task<ApiKeyRecord?> GetAsync(long organizationId);

    [Alias("rename-in-org")]
    Task<CommandResult<ApiKeyRecord>> RenameAsync(string actor, long organizationId, string name);

    [Alias("toggle-in-org")]
    Task<CommandResult<ApiKeyRecord>> ToggleAsync(string actor, long organizationId);

    [Alias("deactivate-in-org")]
    Task<CommandResult<ApiKeyRecord>> DeactivateAsync(string actor, long organizationId);
}
