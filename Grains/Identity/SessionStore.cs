using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.Grains.Identity;

/// <summary>
/// The rows of <c>user_sessions</c>, keyed by the SHA-256 hash of the session token. A session is active while it is
/// not revoked, not expired at <c>now</c> and last seen after the idle cutoff (<see cref="SessionExpiry"/>).
/// </summary>
public sealed class SessionStore(NpgsqlDataSource database)
{
    public sealed record SessionRow(long UserId, DateTime ExpiresAt, DateTime LastSeenAt, DateTime? RevokedAt);

    private const string Active = "user_id = @UserId AND revoked_at IS NULL AND expires_at > @Now AND last_seen_at > @IdleCutoff";

    public async Task<SessionRow?> GetAsync(byte[] tokenHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SessionRow>(
            """
            SELECT user_id AS UserId, expires_at AS ExpiresAt, last_seen_at AS LastSeenAt, revoked_at AS RevokedAt
              FROM user_sessions WHERE token_hash = @Hash
            """,
            new { Hash = tokenHash });
    }

    public async Task InsertAsync(byte[] tokenHash, long userId, DateTime now, DateTime expiresAt, SessionOrigin origin)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO user_sessions (token_hash, user_id, created_at, expires_at, last_seen_at, user_agent, ip_address)
            VALUES (@Hash, @UserId, @Now, @ExpiresAt, @Now, @UserAgent, @IpAddress)
            """,
            new { Hash = tokenHash, UserId = userId, Now = now, ExpiresAt = expiresAt, origin.UserAgent, origin.IpAddress });
    }

    public async Task SetLastSeenAsync(byte[] tokenHash, DateTime now)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE user_sessions SET last_seen_at = @Now WHERE token_hash = @Hash", new { Now = now, Hash = tokenHash });
    }

    public async Task RevokeAsync(byte[] tokenHash, DateTime now)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE user_sessions SET revoked_at = @Now WHERE token_hash = @Hash AND revoked_at IS NULL", new { Now = now, Hash = tokenHash });
    }

    /// <summary>A user's active sessions, most recently seen first; <paramref name="currentHash"/> marks the caller's own.</summary>
    public async Task<List<SessionView>> ListActiveAsync(long userId, byte[]? currentHash, DateTime now, DateTime idleCutoff)
    {
        await using var connection = await database.OpenConnectionAsync();
        var sessions = await connection.QueryAsync<SessionView>(
            $"""
            SELECT id, created_at AS CreatedAt, last_seen_at AS LastSeenAt, expires_at AS ExpiresAt,
                   user_agent AS UserAgent, ip_address AS IpAddress, COALESCE(token_hash = @Current, false) AS Current
              FROM user_sessions
             WHERE {Active}
             ORDER BY last_seen_at DESC, id DESC
            """,
            new { Current = currentHash, UserId = userId, Now = now, IdleCutoff = idleCutoff });
        return sessions.ToList();
    }

    /// <summary>The token hashes of a user's active sessions.</summary>
    public Task<List<byte[]>> ActiveTokenHashesAsync(long userId, DateTime now, DateTime idleCutoff) =>
        TokenHashesAsync(Active, new { UserId = userId, Now = now, IdleCutoff = idleCutoff });

    /// <summary>The token hash of one of a user's sessions, if it is active.</summary>
    public Task<List<byte[]>> ActiveTokenHashAsync(long userId, long sessionId, DateTime now, DateTime idleCutoff) =>
        TokenHashesAsync($"{Active} AND id = @SessionId", new { SessionId = sessionId, UserId = userId, Now = now, IdleCutoff = idleCutoff });

    /// <summary>Deletes the rows of sessions that have ended: expired, idle too long, or revoked.</summary>
    /// <returns>How many rows went.</returns>
    public async Task<int> PurgeEndedAsync(DateTime now, DateTime idleCutoff)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteAsync(
            "DELETE FROM user_sessions WHERE expires_at <= @Now OR revoked_at IS NOT NULL OR last_seen_at <= @IdleCutoff",
            new { Now = now, IdleCutoff = idleCutoff });
    }

    private async Task<List<byte[]>> TokenHashesAsync(string where, object parameters)
    {
        await using var connection = await database.OpenConnectionAsync();
        var hashes = await connection.QueryAsync<byte[]>($"SELECT token_hash FROM user_sessions WHERE {where}", parameters);
        return hashes.ToList();
    }
}
