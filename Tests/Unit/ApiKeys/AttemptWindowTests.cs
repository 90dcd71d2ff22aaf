using Planekeeper.Grains.ApiKeys;

namespace Planekeeper.Tests.Unit.ApiKeys;

public class AttemptWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Refuses_attempts_beyond_the_maximum_until_the_window_closes()
    {
        var window = new AttemptWindow(3, TimeSpan.FromMinutes(15));

        Assert.All(Enumerable.Range(0, 3), i => Assert.True(window.TryAttempt(Start.AddSeconds(i), out _)));
        Assert.False(window.TryAttempt(Start.AddMinutes(10), out var retryAfter));
        Assert.Equal(TimeSpan.FromMinutes(5), retryAfter);
        Assert.False(window.TryAttempt(Start.AddMinutes(15).AddTicks(-1), out _));

        Assert.True(window.TryAttempt(Start.AddMinutes(15), out _));
    }

    [Fact]
    public void Refused_attempts_do_not_extend_the_window()
    {
        var window = new AttemptWindow(1, TimeSpan.FromMinutes(1));
        Assert.True(window.TryAttempt(Start, out _));
        for (var second = 1; second < 60; second++)
        {
            Assert.False(window.TryAttempt(Start.AddSeconds(second), out _));
        }

        Assert.True(window.TryAttempt(Start.AddMinutes(1), out _));
    }
}
