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
}
