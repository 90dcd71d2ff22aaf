using Dapper;
using Npgsql;
using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.Grains.Identity;

/// <summary>
/// Lists a user's active sessions with one query; revocation goes through each session's grain, so a session
/// that is active in memory ends at once.
/// </summary>
[StatelessWorker]
[GrainType("planekeeper.identity.sessions")]
public sealed class SessionsGrain(NpgsqlDataSource database, SessionSettings settings, AuditWriter audit, TimeProvider clock) : Grain, ISessionsGrain
{
    private const string Active = "user_id = @UserId AND revoked_at IS NULL AND expires_at > @Now AND last_seen_at > @IdleCutoff";

    public async Task<IReadOnlyList<SessionView>> ListAsync(long userId, string? currentKey)
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
            ActiveParameters(userId, new { Current = currentKey is null ? null : Convert.FromHexString(currentKey) }));
        return sessions.ToList();
    }

    public async Task<bool> RevokeAsync(long userId, long sessionId, string actor)
    {
        var keys = await ActiveKeysAsync(userId, $"{Active} AND id = @SessionId", new { SessionId = sessionId });
        await CloseAsync(keys, userId, actor);
        return keys.Count > 0;
    }

    public async Task<int> RevokeAllAsync(long userId, string? keepKey, string actor)
    {
        var keys = await ActiveKeysAsync(userId, Active, new { });
        var ended = keys.Where(key => !string.Equals(key, keepKey, StringComparison.OrdinalIgnoreCase)).ToList();
        await CloseAsync(ended, userId, actor);
        return ended.Count;
    }

    private async Task<IReadOnlyList<string>> ActiveKeysAsync(long userId, string where, object extra)
    {
        await using var connection = await database.OpenConnectionAsync();
        var hashes = await connection.QueryAsync<byte[]>($"SELECT token_hash FROM user_sessions WHERE {where}", ActiveParameters(userId, extra));
        return hashes.Select(Convert.ToHexStringLower).ToList();
    }

    private async Task CloseAsync(IReadOnlyList<string> keys, long userId, string actor)
    {
        if (keys.Count == 0)
        {
            return;
        }

        await Task.WhenAll(keys.Select(key => GrainFactory.GetGrain<ISessionGrain>(key).CloseAsync()));
        await audit.WriteAsync(new AuditEntry(null, actor, "auth.sessions_revoked", $"user:{userId}", new { count = keys.Count }));
    }

    private DynamicParameters ActiveParameters(long userId, object extra)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var parameters = new DynamicParameters(extra);
        parameters.AddDynamicParams(new { UserId = userId, Now = now, IdleCutoff = SessionExpiry.IdlePurgeCutoff(now, settings.IdleTimeout) });
        return parameters;
    }
}
