namespace Planekeeper.Grains.ApiKeys;

/// <summary>
/// At most <paramref name="maxAttempts"/> attempts per fixed window of <paramref name="length"/>: the window opens at
/// the first attempt after the previous one closed. Not thread-safe (a grain's turn holds it).
/// </summary>
public sealed class AttemptWindow(int maxAttempts, TimeSpan length)
{
    private DateTimeOffset? _opened;
    private int _attempts;

    /// <summary>Counts an attempt at <paramref name="now"/>, or refuses it.</summary>
    /// <param name="retryAfter">When refused: how long until the window closes.</param>
    public bool TryAttempt(DateTimeOffset now, out TimeSpan retryAfter)
    {
        if (_opened is not { } opened || now >= opened + length)
        {
            _opened = opened = now;
            _attempts = 0;
        }

        retryAfter = opened + length - now;
        if (_attempts >= maxAttempts)
        {
            return false;
        }

        _attempts++;
        return true;
    }
}
