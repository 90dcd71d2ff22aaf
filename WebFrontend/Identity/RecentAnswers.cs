using System.Collections.Concurrent;

namespace Planekeeper.WebFrontend.Identity;

/// <summary>
/// Answers of the cluster, keyed by the grain's id (docs/security.md, "Verified API keys"). An answer is used for
/// <see cref="AnswerLifetimes.Unconfirmed"/> from the moment it was asked for; beyond that, up to
/// <see cref="AnswerLifetimes.Confirmed"/>, only while the access change feed confirms it: read within the last
/// <see cref="AnswerLifetimes.Unconfirmed"/>, with no change of the grain applied after the answer was asked for. Forgotten
/// at once when the grain or the feed says it changed.
/// </summary>
public sealed class RecentAnswers<T>(TimeProvider clock, AccessChangeCursor cursor)
{
    private readonly ConcurrentDictionary<long, Answer> _answers = new();

    /// <summary>The feed's last change of each grain, kept as long as an answer asked before it could be.</summary>
    private readonly ConcurrentDictionary<long, (long Seq, DateTimeOffset AppliedAt)> _changes = new();

    private long _nextPruneTicks;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>How many answers are held, ended ones included until the next prune.</summary>
    public int Count => _answers.Count;

    /// <summary>Taken before the grain is asked, and handed to <see cref="Remember"/> with its answer.</summary>
    public AnswerLookup StartLookup() => new(Now, cursor.Applied);

    public bool TryGet(long id, out T answer)
    {
        if (_answers.TryGetValue(id, out var held) && InUse(id, held, Now))
        {
            answer = held.Value;
            return true;
        }

        answer = default!;
        return false;
    }

    /// <param name="validUntil">When the answer ends anyway (an API key's expiry), if earlier.</param>
    public void Remember(long id, T answer, AnswerLookup lookup, DateTimeOffset? validUntil = null)
    {
        var end = lookup.AskedAt + AnswerLifetimes.Confirmed;
        if (validUntil < end)
        {
            end = validUntil.Value;
        }

        PruneWhenDue();
        _answers[id] = new Answer(answer, lookup, end);
    }

    public void Forget(long id) => _answers.TryRemove(id, out _);

    /// <summary>The feed says the grain changed (change number <paramref name="seq"/>).</summary>
    public void Changed(long id, long seq)
    {
        _changes[id] = (seq, Now);
        _answers.TryRemove(id, out _);
    }

    public void ForgetAll() => _answers.Clear();

    private bool InUse(long id, Answer held, DateTimeOffset now) =>
        now < held.End && (now < held.Lookup.AskedAt + AnswerLifetimes.Unconfirmed || Confirmed(id, held, now));

    private bool Confirmed(long id, Answer held, DateTimeOffset now) =>
        cursor.Confirms(now) && held.Lookup.Seq >= cursor.Floor && !(_changes.TryGetValue(id, out var change) && change.Seq > held.Lookup.Seq);

    /// <summary>
    /// Drops the answers no longer in use, and changes older than any answer, at most once per
    /// <see cref="AnswerLifetimes.Unconfirmed"/> and by one caller at a time. By time and not by size: a
    /// ConcurrentDictionary's Count takes every lock of the map, which ten thousand agents' requests then queue on
    /// (bench/README.md, "Agents").
    /// </summary>
    private void PruneWhenDue()
    {
        var now = Now;
        var due = Interlocked.Read(ref _nextPruneTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPruneTicks, (now + AnswerLifetimes.Unconfirmed).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var held in _answers)
        {
            // Removes this entry only, not one a concurrent Remember has just put in its place.
            if (!InUse(held.Key, held.Value, now))
            {
                _answers.TryRemove(held);
            }
        }

        foreach (var change in _changes)
        {
            // Twice the longest answer: one asked just before the change was applied has ended well before.
            if (change.Value.AppliedAt + 2 * AnswerLifetimes.Confirmed < now)
            {
                _changes.TryRemove(change);
            }
        }
    }

    private sealed record Answer(T Value, AnswerLookup Lookup, DateTimeOffset End);
}
