using Planekeeper.Grains.Interfaces.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Organizations;

namespace Planekeeper.WebFrontend.Pages.Audit;

/// <summary>
/// <c>/audit-log</c>: the organization's audit log, newest first, 50 a page, filtered by kind and by member — the
/// grain call of <c>GET /api/v1/audit-log</c> (<c>audit-log:list</c>, owners and admins).
/// </summary>
public sealed class AuditLogModel(IClusterClient cluster) : PlanekeeperPage
{
    public const int PageSize = 50;

    public string? Kind { get; private set; }

    public long? UserId { get; private set; }

    public Page<AuditRecord> Entries { get; private set; } = new([], null);

    /// <summary>Member emails by user id: the member filter's choices and the names of actors and targets.</summary>
    public IReadOnlyDictionary<long, string> Members { get; private set; } = new Dictionary<long, string>();

    public async Task OnGetAsync(string? kind, long? userId, string? cursor)
    {
        Kind = kind is not null && AuditLogFilter.Kinds.Contains(kind) ? kind : null;
        UserId = userId;
        if (Viewer!.May("members:list"))
        {
            Members = (await cluster.GetGrain<IOrganizationGrain>(OrganizationId).ListMembersAsync()).ToDictionary(member => member.UserId, member => member.Email);
        }

        Entries = await cluster.GetGrain<IAuditLogGrain>(0).ListAsync(
            OrganizationId, new AuditLogFilter(Kind, UserId), PageSize, long.TryParse(cursor, out var before) ? before : null);
    }

    /// <summary>An actor or target as a person reads it: a member's email for <c>user:N</c>, else as stored.</summary>
    public string Name(string? subject) =>
        subject is not null && subject.StartsWith("user:", StringComparison.Ordinal) && long.TryParse(subject[5..], out var id) && Members.TryGetValue(id, out var email)
            ? email
            : subject ?? "—";
}
