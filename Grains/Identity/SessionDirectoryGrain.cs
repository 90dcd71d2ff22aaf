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
public sealed class SessionDirectoryGrain(SessionStore sessions, SessionSettings settings, AuditWriter audit, TimeProvider clock) : Grain, ISessionDirectoryGrain
{
    public async Task<IReadOnlyList<SessionView>> ListAsync(long userId, string? currentKey)
    {
        var (now, idleCutoff) = ActiveAt();
        return await sessions.ListActiveAsync(userId, currentKey is null ? null : Convert.FromHexString(currentKey), now, idleCutoff);
    }

    public async Task<bool> RevokeAsync(long userId, long sessionId, string actor)
    {
        var (now, idleCutoff) = ActiveAt();
        var keys = Keys(await sessions.ActiveTokenHashAsync(userId, sessionId, now, idleCutoff));
        await CloseAsync(keys, userId, actor);
        return keys.Count > 0;
    }

    public async Task<int> RevokeAllAsync(long userId, string? keepKey, string actor)
    {
        var (now, idleCutoff) = ActiveAt();
        var keys = Keys(await sessions.ActiveTokenHashesAsync(userId, now, idleCutoff));
        var ended = keys.Where(key => !string.Equals(key, keepKey, StringComparison.OrdinalIgnoreCase)).ToList();
        await CloseAsync(ended, userId, actor);
        return ended.Count;
    }

    /// <summary>The session grains' keys: the token hashes in lower-case hex.</summary>
    private static List<string> Keys(IEnumerable<byte[]> tokenHashes) => tokenHashes.Select(Convert.ToHexStringLower).ToList();

    private async Task CloseAsync(IReadOnlyList<string> keys, long userId, string actor)
    {
        if (keys.Count == 0)
        {
            return;
        }

        await Task.WhenAll(keys.Select(key => GrainFactory.GetGrain<ISessionGrain>(key).CloseAsync()));
        await audit.WriteAsync(new AuditEntry(null, actor, "auth.sessions_revoked", $"user:{userId}", new { count = keys.Count }));
    }

    private (DateTime Now, DateTime IdleCutoff) ActiveAt()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (now, SessionExpiry.IdlePurgeCutoff(now, settings.IdleTimeout));
    }
}
