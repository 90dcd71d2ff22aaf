using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.Grains.Identity;

[GrainType("planekeeper.identity.session")]
public sealed class SessionGrain(NpgsqlDataSource database, SessionSettings settings, TimeProvider clock) : Grain, ISessionGrain
{
    private sealed record SessionRow(long UserId, DateTime ExpiresAt, DateTime LastSeenAt, DateTime? RevokedAt);

    private SessionRow? _session;
    private DateTime _storedLastSeenAt;

    private byte[] TokenHash => Convert.FromHexString(this.GetPrimaryKeyString());

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        _session = await connection.QuerySingleOrDefaultAsync<SessionRow>(
            """
            SELECT user_id AS UserId, expires_at AS ExpiresAt, last_seen_at AS LastSeenAt, revoked_at AS RevokedAt
              FROM user_sessions WHERE token_hash = @Hash
            """,
            new { Hash = TokenHash });
        _storedLastSeenAt = _session?.LastSeenAt ?? default;
    }

    public async Task<DateTime> OpenAsync(long userId, SessionOrigin origin)
    {
        var now = Now;
        var expiresAt = now + settings.Lifetime;
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO user_sessions (token_hash, user_id, created_at, expires_at, last_seen_at, user_agent, ip_address)
            VALUES (@Hash, @UserId, @Now, @ExpiresAt, @Now, @UserAgent, @IpAddress)
            """,
            new { Hash = TokenHash, UserId = userId, Now = now, ExpiresAt = expiresAt, origin.UserAgent, origin.IpAddress });
        _session = new SessionRow(userId, expiresAt, now, null);
        _storedLastSeenAt = now;
        return expiresAt;
    }

    public async Task<long?> GetUserIdAsync()
    {
        var now = Now;
        if (_session is not { } session || !SessionExpiry.IsActive(session.ExpiresAt, session.LastSeenAt, session.RevokedAt, now, settings.IdleTimeout))
        {
            return null;
        }

        _session = session with { LastSeenAt = now };
        if (now - _storedLastSeenAt >= SessionExpiry.ActivityWriteInterval)
        {
            await using var connection = await database.OpenConnectionAsync();
            await connection.ExecuteAsync("UPDATE user_sessions SET last_seen_at = @Now WHERE token_hash = @Hash", new { Now = now, Hash = TokenHash });
            _storedLastSeenAt = now;
        }

        return session.UserId;
    }

    public async Task CloseAsync()
    {
        if (_session is null || _session.RevokedAt is not null)
        {
            return;
        }

        var now = Now;
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE user_sessions SET revoked_at = @Now WHERE token_hash = @Hash AND revoked_at IS NULL", new { Now = now, Hash = TokenHash });
        _session = _session with { RevokedAt = now };
    }
}
