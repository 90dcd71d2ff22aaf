using Planekeeper.Grains.Interfaces.Access;
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

    /// <summary>
    /// As <see cref="AuthenticateAsync(string)"/>; a frontend that caches the acceptance passes its
    /// <paramref name="watcher"/>, told when the key changes (docs/security.md, "Verified API keys"). The one-argument
    /// form stays for frontends of the previous version during a rolling restart.
    /// </summary>
    [Alias("authenticate-watched")]
    Task<ApiKeyAuthentication> AuthenticateAsync(string secret, IAccessCacheObserver watcher);

    [Alias("get-in-org")]
    Task<ApiKeyRecord?> GetAsync(long organizationId);

    /// <summary>
    /// Renames the key and/or replaces its roles (either may be null, not both). New roles are bounded by what the
    /// actor holds (403 naming what is missing); they are written before the name, so a refusal changes nothing. Every
    /// edit moves the key's version (its ETag), a roles-only one too; a key no longer at an expected version answers 412.
    /// </summary>
    [Alias("edit-in-org")]
    Task<CommandResult<ApiKeyRecord>> EditAsync(string actor, long organizationId, string? name, IReadOnlyList<string>? roles, ExpectedVersion? expected = null);

    [Alias("toggle-in-org")]
    Task<CommandResult<ApiKeyRecord>> ToggleAsync(string actor, long organizationId);

    [Alias("deactivate-in-org")]
    Task<CommandResult<ApiKeyRecord>> DeactivateAsync(string actor, long organizationId);
}
