namespace Planekeeper.Grains.Interfaces.Access;

/// <summary>
/// A frontend's cache of verified API keys and of organizations' suspensions (docs/security.md, "Verified API keys"):
/// the key's grain, or the organization's, tells it when what it cached changed, so it asks again at the next request.
/// Without the message an entry still ends after at most a second.
/// </summary>
[Alias("planekeeper.access.cache-observer")]
public interface IAccessCacheObserver : IGrainObserver
{
    /// <summary>The key was disabled, enabled, deactivated, or its roles or name changed.</summary>
    [Alias("api-key-changed")]
    Task ApiKeyChangedAsync(long keyId);

    /// <summary>The organization was suspended or its suspension was lifted.</summary>
    [Alias("suspension-changed")]
    Task SuspensionChangedAsync(long organizationId);
}
