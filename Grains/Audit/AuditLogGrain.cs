using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Audit;

/// <summary>
/// The organization's own entries, plus account events (sign-ins, failures, lockouts) of its current members,
/// which belong to no single organization.
/// </summary>
[StatelessWorker]
[GrainType("planekeeper.audit.log")]
public sealed class AuditLogGrain(AuditLogStore store) : Grain, IAuditLogGrain
{
    public Task<Page<AuditRecord>> ListAsync(long organizationId, AuditLogFilter filter, int limit, long? before) =>
        KeysetPaging.ReadAsync(limit, count => store.ListAsync(organizationId, filter, count, before), row => row.Id);
}
