using Dapper;
using Npgsql;
using Planekeeper.Grains.Access;
using Planekeeper.Grains.Interfaces.ApiKeys;

namespace Planekeeper.Grains.ApiKeys;

/// <summary>
/// The rows of <c>api_keys</c>, holding the SHA-256 hash of each secret; writes of an existing row carry its version
/// and return null when it moved on.
/// </summary>
public sealed class ApiKeyStore(NpgsqlDataSource database)
{
    // A class with setters: Dapper matches constructors by exact type, and Npgsql reports text[] as Array.
    private sealed class ApiKeyListRow
    {
        public long Id { get; init; }

        public long OrganizationId { get; init; }

        public string Name { get; init; } = "";

        public string[] Roles { get; init; } = [];

        public bool IsActive { get; init; }

        public DateTime? DeactivatedAt { get; init; }

        public DateTime? ExpiresAt { get; init; }

        public DateTime? LastUsedAt { get; init; }

        public DateTime CreatedAt { get; init; }

        public long? CreatedBy { get; init; }
    }

    public async Task<ApiKeyRow?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ApiKeyRow>($"SELECT {ApiKeyRow.Columns} FROM api_keys WHERE id = @Id", new { Id = id });
    }

    /// <summary>An organization's keys with the roles each holds.</summary>
    public async Task<List<ApiKeyRecord>> ListAsync(long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<ApiKeyListRow>(
            $"""
            SELECT k.id, k.organization_id AS OrganizationId, k.name,
                   {AccessSql.Roles} AS Roles,
                   k.is_active AS IsActive, k.deactivated_at AS DeactivatedAt, k.expires_at AS ExpiresAt,
                   k.last_used_at AS LastUsedAt, k.created_at AS CreatedAt, k.created_by AS CreatedBy
              FROM api_keys k
              {AccessSql.JoinRoles("'apikey:' || k.id", "k.organization_id")}
             WHERE k.organization_id = @OrganizationId
             GROUP BY k.id
             ORDER BY k.id
            """,
            new { OrganizationId = organizationId });
        return rows.Select(row => new ApiKeyRecord(row.Id, row.OrganizationId, row.Name, row.Roles, row.IsActive, row.DeactivatedAt, row.ExpiresAt, row.LastUsedAt, row.CreatedAt, row.CreatedBy)).ToList();
    }

    /// <summary>The keys a user created in an organization that are not yet deactivated for good.</summary>
    public async Task<List<long>> NotDeactivatedCreatedByAsync(long organizationId, long userId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var ids = await connection.QueryAsync<long>(
            "SELECT id FROM api_keys WHERE organization_id = @OrganizationId AND created_by = @UserId AND deactivated_at IS NULL ORDER BY id",
            new { OrganizationId = organizationId, UserId = userId });
        return ids.ToList();
    }

    /// <returns>The new key's id.</returns>
    public async Task<long> InsertAsync(long organizationId, string name, byte[] secretHash, DateTime? expiresAt, long? createdBy)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<long>(
            "INSERT INTO api_keys (organization_id, name, secret_hash, expires_at, created_by) VALUES (@OrganizationId, @Name, @Hash, @ExpiresAt, @CreatedBy) RETURNING id",
            new { OrganizationId = organizationId, Name = name, Hash = secretHash, ExpiresAt = expiresAt, CreatedBy = createdBy });
    }

    public async Task DeleteAsync(long id)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync("DELETE FROM api_keys WHERE id = @Id", new { Id = id });
    }

    public async Task SetLastUsedAsync(long id, DateTime now)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE api_keys SET last_used_at = @Now WHERE id = @Id", new { Now = now, Id = id });
    }

    /// <returns>The new version, or null when the row moved on.</returns>
    public Task<int?> RenameAsync(ApiKeyRow current, string name) => UpdateAsync(current, "name = @Name", new { Name = name });

    /// <returns>The new version, or null when the row moved on.</returns>
    public Task<int?> SetActiveAsync(ApiKeyRow current, bool active) => UpdateAsync(current, "is_active = @Active", new { Active = active });

    /// <returns>The new version, or null when the row moved on.</returns>
    public Task<int?> DeactivateAsync(ApiKeyRow current) => UpdateAsync(current, "is_active = false, deactivated_at = now()", new { });

    private async Task<int?> UpdateAsync(ApiKeyRow current, string assignments, object values)
    {
        var parameters = new DynamicParameters(values);
        parameters.Add("Id", current.Id);
        parameters.Add("Version", current.Version);
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<int?>(
            $"UPDATE api_keys SET {assignments}, updated_at = now(), version = version + 1 WHERE id = @Id AND version = @Version RETURNING version", parameters);
    }
}
