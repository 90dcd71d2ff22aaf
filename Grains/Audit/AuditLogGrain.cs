using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Audit;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Audit;

/// <summary>
/// The organization's own entries, plus account events (sign-ins, failures, lockouts) of its current members,
/// which belong to no single organization.
/// </summary>
[StatelessWorker]
[GrainType("planekeeper.audit.log")]
public sealed class AuditLogGrain(AuditLogStore store) : Grain, IAuditLogGrain
{
    public async Task<Page<AuditRecord>> ListAsync(long organizationId, int limit, long? before)
    {
        // One more than asked tells whether a next page exists.
        var rows = await store.ListAsync(organizationId, limit + 1, before);
        var next = rows.Count > limit ? rows[limit - 1].Id.ToString() : null;
        return new Page<AuditRecord>(rows.Take(limit).ToList(), next);
    }
}
