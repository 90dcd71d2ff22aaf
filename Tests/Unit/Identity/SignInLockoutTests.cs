using Planekeeper.Grains.Identity;

namespace Planekeeper.Tests.Unit.Identity;

public class SignInLockoutTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, null)]
    [InlineData(4, null)]
    [InlineData(5, 30)]
    [InlineData(6, 60)]
    [InlineData(7, 120)]
    [InlineData(9, 480)]
    [InlineData(10, 900)]
    [InlineData(50, 900)]
    public void Locks_grow_from_thirty_seconds_to_fifteen_minutes(int failures, int? seconds)
    {
        Assert.Equal(seconds is null ? null : Now.AddSeconds(seconds.Value), SignInLockout.LockedUntil(failures, Now));
    }

    [Fact]
    public void Failures_stop_counting_a_quarter_of_an_hour_after_a_lock_ended()
    {
        var lockEnded = Now.AddMinutes(-10);
        Assert.Equal(8, SignInLockout.FailuresStillCounting(8, lockEnded, Now));
        Assert.Equal(0, SignInLockout.FailuresStillCounting(8, lockEnded, Now.AddMinutes(5)));
        Assert.Equal(3, SignInLockout.FailuresStillCounting(3, null, Now.AddDays(1)));
    }
}
