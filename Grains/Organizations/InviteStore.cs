using Dapper;
using Npgsql;

namespace Planekeeper.Grains.Organizations;

/// <summary>The rows of <c>organization_invites</c>; an invite's token is stored as its SHA-256 hash.</summary>
public sealed class InviteStore(NpgsqlDataSource database)
{
    public async Task<InviteRow> InsertAsync(long organizationId, string email, string role, byte[] tokenHash, long? createdBy, DateTime expiresAt)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<InviteRow>(
            $"""
            INSERT INTO organization_invites (organization_id, email, role, token_hash, created_by, expires_at)
            VALUES (@Id, @Email, @Role, @Hash, @CreatedBy, @ExpiresAt)
            RETURNING {InviteRow.Columns}
            """,
            new { Id = organizationId, Email = email, Role = role, Hash = tokenHash, CreatedBy = createdBy, ExpiresAt = expiresAt });
    }

    public async Task<InviteRow?> GetAsync(long organizationId, long inviteId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<InviteRow>(
            $"SELECT {InviteRow.Columns} FROM organization_invites WHERE id = @InviteId AND organization_id = @Id", new { InviteId = inviteId, Id = organizationId });
    }

    /// <summary>The invite a token belongs to, in any organization.</summary>
    public async Task<(long Id, long OrganizationId)?> FindByTokenAsync(byte[] tokenHash)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<(long Id, long OrganizationId)?>(
            "SELECT id, organization_id FROM organization_invites WHERE token_hash = @Hash", new { Hash = tokenHash });
    }

    /// <summary>An organization's invites, newest first.</summary>
    public async Task<List<InviteRow>> ListAsync(long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<InviteRow>($"SELECT {InviteRow.Columns} FROM organization_invites WHERE organization_id = @Id ORDER BY id DESC", new { Id = organizationId });
        return rows.ToList();
    }

    public async Task RevokeAsync(long inviteId)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE organization_invites SET revoked_at = now() WHERE id = @InviteId", new { InviteId = inviteId });
    }

    /// <summary>Marks the invite accepted and makes the user a member, in one transaction.</summary>
    public async Task AcceptAsync(long organizationId, long inviteId, long userId)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("UPDATE organization_invites SET accepted_at = now(), accepted_by = @UserId WHERE id = @InviteId", new { InviteId = inviteId, UserId = userId }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO organization_members (organization_id, user_id) VALUES (@Id, @UserId) ON CONFLICT DO NOTHING", new { Id = organizationId, UserId = userId }, transaction);
        await transaction.CommitAsync();
    }
}
