using Planekeeper.Grains.Access;

namespace Planekeeper.Grains.ApiKeys;

public sealed record ApiKeyRow(
    long Id, long OrganizationId, string Name, byte[] SecretHash, bool IsActive, DateTime? DeactivatedAt,
    DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime CreatedAt, long? CreatedBy, int Version) : IOrganizationOwned
{
    public const string Columns = """
        id, organization_id AS OrganizationId, name, secret_hash AS SecretHash, is_active AS IsActive,
        deactivated_at AS DeactivatedAt, expires_at AS ExpiresAt, last_used_at AS LastUsedAt, created_at AS CreatedAt,
        created_by AS CreatedBy, version
        """;
}
