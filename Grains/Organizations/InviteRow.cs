using Planekeeper.Grains.Interfaces.Organizations;

namespace Planekeeper.Grains.Organizations;

/// <summary>A row of <c>organization_invites</c>; whether it is still pending depends on the time it is asked at.</summary>
public sealed record InviteRow(long Id, string Email, string Role, DateTime CreatedAt, DateTime ExpiresAt, DateTime? AcceptedAt, DateTime? RevokedAt)
{
    public const string Columns = "id, email, role, created_at AS CreatedAt, expires_at AS ExpiresAt, accepted_at AS AcceptedAt, revoked_at AS RevokedAt";

    public string StatusAt(DateTime now) => AcceptedAt is not null ? "accepted" : RevokedAt is not null ? "revoked" : ExpiresAt <= now ? "expired" : "pending";

    public InviteRecord ToRecord(DateTime now) => new(Id, Email, Role, StatusAt(now), CreatedAt, ExpiresAt);
}
