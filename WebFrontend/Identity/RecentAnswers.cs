using System.Collections.Concurrent;

namespace Planekeeper.WebFrontend.Identity;

/// <summary>
/// Answers of the cluster kept for at most <see cref="MaxAge"/> from the moment they were asked for (docs/security.md,
/// "Verified API keys"), or until the grain that gave them says they changed. Keyed by the grain's id.
/// </summary>
public sealed class RecentAnswers<T>(TimeProvider clock)
{
    /// <summary>The revocation latency when a change message is lost: no answer is used longer than this after it was asked for.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    /// <summary>Above this many entries the ones that ended are dropped.</summary>
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<long, (T Answer, DateTimeOffset Until)> _answers = new();

    public DateTimeOffset Now => clock.GetUtcNow();

    public bool TryGet(long id, out T answer)
    {
        if (_answers.TryGetValue(id, out var entry) && entry.Until > Now)
        {
            answer = entry.Answer;
            return true;
        }

        answer = default!;
        return false;
    }

    /// <param name="askedAt">When the grain was asked (<see cref="Now"/> before the call), so a late answer is kept no longer.</param>
    /// <param name="validUntil">When the answer ends anyway (an API key's expiry), if earlier than <see cref="MaxAge"/>.</param>
    public void Remember(long id, T answer, DateTimeOffset askedAt, DateTimeOffset? validUntil = null)
    {
        var until = askedAt + MaxAge;
        if (validUntil < until)
        {
            until = validUntil.Value;
        }

        if (_answers.Count > PruneAbove)
        {
            Prune();
        }

        _answers[id] = (answer, until);
    }

    public void Forget(long id) => _answers.TryRemove(id, out _);

    private void Prune()
    {
        var now = Now;
        foreach (var (id, entry) in _answers)
        {
            if (entry.Until <= now)
            {
                _answers.TryRemove(id, out _);
            }
        }
    }
}
