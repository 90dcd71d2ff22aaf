using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.Grains.Identity;

[GrainType("planekeeper.identity.session")]
public sealed class SessionGrain(SessionStore sessions, SessionSettings settings, TimeProvider clock) : Grain, ISessionGrain
{
    private SessionStore.SessionRow? _session;
    private DateTime _storedLastSeenAt;

    private byte[] TokenHash => Convert.FromHexString(this.GetPrimaryKeyString());

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _session = await sessions.GetAsync(TokenHash, cancellationToken);
        _storedLastSeenAt = _session?.LastSeenAt ?? default;
    }

    public async Task<DateTime> OpenAsync(long userId, SessionOrigin origin)
    {
        var now = Now;
        var expiresAt = now + settings.Lifetime;
        await sessions.InsertAsync(TokenHash, userId, now, expiresAt, origin);
        _session = new SessionStore.SessionRow(userId, expiresAt, now, null);
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
            await sessions.SetLastSeenAsync(TokenHash, now);
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
        await sessions.RevokeAsync(TokenHash, now);
        _session = _session with { RevokedAt = now };
    }
}
