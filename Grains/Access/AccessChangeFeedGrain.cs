using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Access;

namespace Planekeeper.Grains.Access;

/// <summary>Frontends' reads of the access change feed (docs/security.md, "Verified API keys"): each one database read.</summary>
[StatelessWorker]
[GrainType("planekeeper.access.change-feed")]
public sealed class AccessChangeFeedGrain(AccessChangeStore changes) : Grain, IAccessChangeFeedGrain
{
    public Task<AccessChanges> SinceAsync(long after) => changes.SinceAsync(after);
}
