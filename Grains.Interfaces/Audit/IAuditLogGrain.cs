using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Audit;

/// <summary>Reads the audit log, newest first. Stateless; grains write entries through the shared audit writer.</summary>
[Alias("planekeeper.audit.log")]
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    [Alias("list")]
    Task<Page<AuditRecord>> ListAsync(long organizationId, AuditLogFilter filter, int limit, long? before);
}
