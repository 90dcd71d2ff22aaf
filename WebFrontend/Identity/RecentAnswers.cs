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

    private readonly ConcurrentDictionary<long, (T Answer, DateTimeOffset Until)> _answers = new();
    private long _nextPruneTicks;

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

        PruneWhenDue();
        _answers[id] = (answer, until);
    }

    public void Forget(long id) => _answers.TryRemove(id, out _);

    /// <summary>How many answers are held, ended ones included until the next prune.</summary>
    public int Count => _answers.Count;

    /// <summary>
    /// Drops the answers that ended, at most once per <see cref="MaxAge"/> and by one caller at a time, so that only
    /// the answers of about the last two seconds are held. By time and not by size: a ConcurrentDictionary's Count takes
    /// every lock of the map, which ten thousand agents' requests then queue on (bench/README.md, "Agents").
    /// </summary>
    private void PruneWhenDue()
    {
        var now = Now;
        var due = Interlocked.Read(ref _nextPruneTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPruneTicks, (now + MaxAge).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var held in _answers)
        {
            // Removes this entry only, not one a concurrent Remember has just put in its place.
            if (held.Value.Until <= now)
            {
                _answers.TryRemove(held);
            }
        }
    }
}
