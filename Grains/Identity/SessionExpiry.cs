namespace Planekeeper.Grains.Identity;

/// <summary>
/// When a session ends: at its absolute expiry, after <see cref="SessionSettings.IdleTimeout"/> without a request,
/// or when revoked (docs/security.md, "Browsers: CSRF, cookies, sessions").
/// </summary>
public static class SessionExpiry
{
    /// <summary>Activity is written to the row at most this often; the in-memory time is exact.</summary>
    public static readonly TimeSpan ActivityWriteInterval = TimeSpan.FromMinutes(1);

    public static bool IsActive(DateTime expiresAt, DateTime lastSeenAt, DateTime? revokedAt, DateTime now, TimeSpan idleTimeout) =>
        revokedAt is null && now < expiresAt && now - lastSeenAt < idleTimeout;

    /// <summary>
    /// Rows last seen before this are idle for sure: the stored activity may lag the real one by up to
    /// <see cref="ActivityWriteInterval"/>.
    /// </summary>
    public static DateTime IdlePurgeCutoff(DateTime now, TimeSpan idleTimeout) => now - idleTimeout - ActivityWriteInterval;
}
