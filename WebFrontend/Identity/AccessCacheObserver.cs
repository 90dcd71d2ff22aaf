using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Organizations;

namespace Planekeeper.WebFrontend.Identity;

/// <summary>
/// This frontend's short-lived caches of the Agent API's hot path (docs/security.md, "Verified API keys"): accepted API
/// keys (by key id, with the hash of the key they were accepted for — never the key) and organizations' suspensions.
/// The grains that gave an answer tell <see cref="Reference"/> when it changes, and the access change feed tells every
/// frontend (<see cref="Apply"/>); an answer the feed does not confirm ends within a second.
/// </summary>
public sealed class AccessCacheObserver : IAccessCacheObserver
{
    private readonly IClusterClient _cluster;
    private IAccessCacheObserver? _reference;

    public AccessCacheObserver(IClusterClient cluster, TimeProvider clock)
    {
        _cluster = cluster;
        ApiKeys = new(clock, Cursor);
        Suspensions = new(clock, Cursor);
    }

    /// <summary>How far the access change feed has been applied (<see cref="AccessChangeFeed"/>).</summary>
    public AccessChangeCursor Cursor { get; } = new();

    public RecentAnswers<(string KeyHash, ApiKeyAuthentication Authentication)> ApiKeys { get; }

    public RecentAnswers<OrganizationSuspension?> Suspensions { get; }

    /// <summary>What this frontend hands to the grains, for them to call back.</summary>
    public IAccessCacheObserver Reference => _reference ??= _cluster.CreateObjectReference<IAccessCacheObserver>(this);

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

    /// <summary>Applies what a read of the access change feed sent at <paramref name="sentAt"/> returned.</summary>
    public void Apply(AccessChanges changes, DateTimeOffset sentAt)
    {
        if (changes.StartOver)
        {
            Cursor.StartOver(changes.Last);
            ApiKeys.ForgetAll();
            Suspensions.ForgetAll();
        }

        foreach (var change in changes.Changes)
        {
            if (change.Kind == AccessChangeKind.ApiKey)
            {
                ApiKeys.Changed(change.SubjectId, change.Seq);
            }
            else
            {
                Suspensions.Changed(change.SubjectId, change.Seq);
            }
        }

        Cursor.Advance(changes.Last, sentAt);
    }
}
