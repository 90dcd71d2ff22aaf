namespace Planekeeper.Grains.Identity;

/// <summary>
/// <c>SESSION_LIFETIME</c> (14 days: a session ends this long after sign-in, however active) and
/// <c>SESSION_IDLE_TIMEOUT</c> (24 h: a session unused this long ends).
/// </summary>
public sealed record SessionSettings(TimeSpan Lifetime, TimeSpan IdleTimeout)
{
    public static SessionSettings Default { get; } = new(TimeSpan.FromDays(14), TimeSpan.FromHours(24));
}
