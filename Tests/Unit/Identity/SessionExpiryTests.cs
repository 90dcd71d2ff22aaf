using Planekeeper.Grains.Identity;

namespace Planekeeper.Tests.Unit.Identity;

public class SessionExpiryTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Idle = TimeSpan.FromHours(24);

    [Fact]
    public void A_session_ends_at_its_expiry_after_the_idle_timeout_or_when_revoked()
    {
        Assert.True(SessionExpiry.IsActive(Now.AddDays(1), Now.AddHours(-23), null, Now, Idle));
        Assert.False(SessionExpiry.IsActive(Now.AddDays(1), Now.AddHours(-24), null, Now, Idle));
        Assert.False(SessionExpiry.IsActive(Now, Now, null, Now, Idle));
        Assert.False(SessionExpiry.IsActive(Now.AddDays(1), Now, Now.AddMinutes(-1), Now, Idle));
    }

    [Fact]
    public void The_purge_leaves_room_for_activity_not_yet_written() =>
        Assert.Equal(Now - Idle - SessionExpiry.ActivityWriteInterval, SessionExpiry.IdlePurgeCutoff(Now, Idle));
}
