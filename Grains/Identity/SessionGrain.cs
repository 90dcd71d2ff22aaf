using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.Grains.Identity;

[GrainType("planekeeper.identity.session")]
public sealed class SessionGrain(NpgsqlDataSource database) : Grain, ISessionGrain
{
    private sealed record SessionRow(long UserId, DateTime ExpiresAt, DateTime? RevokedAt);

    private SessionRow? _session;

    private byte[] TokenHash => Convert.FromHexString(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        _session = await connection.QuerySingleOrDefaultAsync<SessionRow>(
            "SELECT user_id AS UserId, expires_at AS ExpiresAt, revoked_at AS RevokedAt FROM user_sessions WHERE token_hash = @Hash",
            new { Hash = TokenHash });
    }

    public async Task OpenAsync(long userId, DateTime expiresAt)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO user_sessions (token_hash, user_id, expires_at) VALUES (@Hash, @UserId, @ExpiresAt)",
            new { Hash = TokenHash, UserId = userId, ExpiresAt = expiresAt });
        _session = new SessionRow(userId, expiresAt, null);
    }

    public Task<long?> GetUserIdAsync()
    {
        var valid = _session is { RevokedAt: null } session && session.ExpiresAt > DateTime.UtcNow;
        return Task.FromResult(valid ? _session!.UserId : (long?)null);
    }

    public async Task CloseAsync()
    {
        if (_session is null)
        {
            return;
        }

        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE user_sessions SET revoked_at = now() WHERE token_hash = @Hash AND revoked_at IS NULL", new { Hash = TokenHash });
        _session = _session with { RevokedAt = DateTime.UtcNow };
    }
}
