using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Organizations;

namespace Planekeeper.WebFrontend.Identity;

/// <summary>
/// This frontend's short-lived caches of the Agent API's hot path (docs/security.md, "Verified API keys"): accepted API
/// keys (by key id, with the hash of the key they were accepted for — never the key) and organizations' suspensions.
/// The grains that gave an answer tell <see cref="Reference"/> when it changes; otherwise it ends within a second.
/// </summary>
public sealed class AccessCacheObserver(IClusterClient cluster, TimeProvider clock) : IAccessCacheObserver
{
    private IAccessCacheObserver? _reference;

    public RecentAnswers<(string KeyHash, ApiKeyAuthentication Authentication)> ApiKeys { get; } = new(clock);

    public RecentAnswers<OrganizationSuspension?> Suspensions { get; } = new(clock);

    /// <summary>What this frontend hands to the grains, for them to call back.</summary>
    public IAccessCacheObserver Reference => _reference ??= cluster.CreateObjectReference<IAccessCacheObserver>(this);

    public Task ApiKeyChangedAsync(long keyId)
    {
        ApiKeys.Forget(keyId);
        return Task.CompletedTask;
    }

    public Task SuspensionChangedAsync(long organizationId)
    {
        Suspensions.Forget(organizationId);
        return Task.CompletedTask;
    }
}
