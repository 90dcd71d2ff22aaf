using Planekeeper.Grains.Interfaces.RateLimiting;

namespace Planekeeper.Grains.RateLimiting;

/// <summary>
/// A fixed-window counter: the first permit opens a window of the policy's length, which grants the policy's
/// number of permits and refuses the rest until it ends. Across a window's end a caller can get up to twice the
/// limit in a short time; over any whole window it gets at most the limit (docs/security.md).
/// </summary>
public sealed class FixedWindow
{
    private DateTimeOffset _end = DateTimeOffset.MinValue;
    private int _granted;

    public RateLimitDecision TryAcquire(RateLimitPolicy policy, DateTimeOffset now)
    {
        if (now >= _end || _end - now > policy.Window)
        {
            _end = now + policy.Window;
            _granted = 0;
        }

        if (_granted >= policy.PermitLimit)
        {
            return new RateLimitDecision(false, _end - now);
        }

        _granted++;
        return RateLimitDecision.Granted;
    }
}
