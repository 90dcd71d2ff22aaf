using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.EarlyAccess;

namespace Planekeeper.Grains.EarlyAccess;

/// <summary>
/// Every statement on <c>earlyaccess.waitlist_requests</c>, the early-access schema migrated on its own
/// (<see cref="EarlyAccessMigrations"/>, docs/operations.md). An invitation's token is stored as its SHA-256 hash.
/// </summary>
public sealed class EarlyAccessStore(NpgsqlDataSource database)
{
    private const string Columns = """
        id, email, name, company, use_case AS UseCase, status, created_at AS CreatedAt, updated_at AS UpdatedAt,
        invited_at AS InvitedAt, declined_at AS DeclinedAt, invite_used_at AS InviteUsedAt
        """;

    /// <summary>Inserts the request, or updates the one with the same email (case-insensitive), keeping its status.</summary>
    public async Task<WaitlistRequest> UpsertAsync(string email, string name, string company, string useCase, DateTime now)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<WaitlistRequest>(
            $"""
            INSERT INTO earlyaccess.waitlist_requests (email, name, company, use_case, created_at, updated_at)
            VALUES (@Email, @Name, @Company, @UseCase, @Now, @Now)
            ON CONFLICT (lower(email)) DO UPDATE
                SET name = EXCLUDED.name, company = EXCLUDED.company, use_case = EXCLUDED.use_case, updated_at = EXCLUDED.updated_at
            RETURNING {Columns}
            """,
            new { Email = email, Name = name, Company = company, UseCase = useCase, Now = now });
    }

    public async Task<WaitlistRequest?> GetAsync(long id)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<WaitlistRequest>(
            $"SELECT {Columns} FROM earlyaccess.waitlist_requests WHERE id = @Id", new { Id = id });
    }

    /// <summary>Up to <paramref name="limit"/> requests after the id <paramref name="after"/>, oldest first.</summary>
    public async Task<List<WaitlistRequest>> ListAsync(string? status, int limit, long? after)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<WaitlistRequest>(
            $"""
            SELECT {Columns} FROM earlyaccess.waitlist_requests
            WHERE (@Status::text IS NULL OR status = @Status) AND id > @After
            ORDER BY id LIMIT @Limit
            """,
            new { Status = status, After = after ?? 0, Limit = limit });
        return rows.ToList();
    }

    /// <summary>Marks the request invited with a new token hash; null when it is unknown or its invitation was used.</summary>
    public async Task<WaitlistRequest?> InviteAsync(long id, byte[] tokenHash, string actor, DateTime now)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<WaitlistRequest>(
            $"""
            UPDATE earlyaccess.waitlist_requests
            SET status = 'invited', invite_token_hash = @Hash, invited_at = @Now, invited_by = @Actor, declined_at = NULL, updated_at = @Now
            WHERE id = @Id AND invite_used_at IS NULL
            RETURNING {Columns}
            """,
            new { Id = id, Hash = tokenHash, Actor = actor, Now = now });
    }

    /// <summary>Declines the request and voids an unused invitation; null when it is unknown or its invitation was used.</summary>
    public async Task<WaitlistRequest?> DeclineAsync(long id, DateTime now)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<WaitlistRequest>(
            $"""
            UPDATE earlyaccess.waitlist_requests
            SET status = 'declined', declined_at = @Now, invite_token_hash = NULL, updated_at = @Now
            WHERE id = @Id AND invite_used_at IS NULL
            RETURNING {Columns}
            """,
            new { Id = id, Now = now });
    }

    /// <summary>The email of the unused invitation with this token hash, if any.</summary>
    public async Task<string?> FindUnusedInvitationEmailAsync(byte[] tokenHash)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT email FROM earlyaccess.waitlist_requests WHERE invite_token_hash = @Hash AND status = 'invited' AND invite_used_at IS NULL",
            new { Hash = tokenHash });
    }

    /// <returns>Whether this call used the invitation (false when it was already used or is unknown).</returns>
    public async Task<bool> RedeemAsync(byte[] tokenHash, long userId, DateTime now)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteAsync(
            """
            UPDATE earlyaccess.waitlist_requests SET invite_used_at = @Now, invite_user_id = @UserId, updated_at = @Now
            WHERE invite_token_hash = @Hash AND status = 'invited' AND invite_used_at IS NULL
            """,
            new { Hash = tokenHash, UserId = userId, Now = now }) == 1;
    }
}
