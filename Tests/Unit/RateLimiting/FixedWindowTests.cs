using Microsoft.Extensions.Time.Testing;
using Planekeeper.Grains.Interfaces.RateLimiting;
using Planekeeper.Grains.RateLimiting;

namespace Planekeeper.Tests.Unit.RateLimiting;

public class FixedWindowTests
{
    private static readonly RateLimitPolicy ThreePerMinute = new(3, TimeSpan.FromMinutes(1));

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
    private readonly FixedWindow _window = new();

    [Fact]
    public void A_window_grants_its_limit_then_refuses_until_it_ends()
    {
        Assert.All(Enumerable.Range(0, 3), _ => Assert.True(Acquire().Acquired));
        _clock.Advance(TimeSpan.FromSeconds(20));

        var refused = Acquire();
        Assert.False(refused.Acquired);
        Assert.Equal(TimeSpan.FromSeconds(40), refused.RetryAfter);

        _clock.Advance(TimeSpan.FromSeconds(40));
        Assert.True(Acquire().Acquired);
    }

    [Fact]
    public void A_shorter_window_in_the_policy_takes_effect_at_once()
    {
        Assert.All(Enumerable.Range(0, 3), _ => Assert.True(Acquire().Acquired));

        var shorter = new RateLimitPolicy(3, TimeSpan.FromSeconds(10));
        Assert.True(_window.TryAcquire(shorter, _clock.GetUtcNow()).Acquired);
        Assert.Equal(TimeSpan.FromSeconds(10), _window.TryAcquire(shorter with { PermitLimit = 1 }, _clock.GetUtcNow()).RetryAfter);
    }

    private RateLimitDecision Acquire() => _window.TryAcquire(ThreePerMinute, _clock.GetUtcNow());
}
