namespace Planekeeper.Grains.Tasks;

/// <summary>Items ordered by a time (then by when they were added), with removal by item.</summary>
public sealed class TimeOrderedSet<T>
    where T : class
{
    private readonly SortedDictionary<(DateTime At, long Sequence), T> _ordered = new();
    private readonly Dictionary<T, (DateTime At, long Sequence)> _positions = new(ReferenceEqualityComparer.Instance);
    private long _sequence;

    public int Count => _ordered.Count;

    /// <summary>The earliest time, or null when empty.</summary>
    public DateTime? EarliestAt => _ordered.Count == 0 ? null : _ordered.First().Key.At;

    public IEnumerable<T> InOrder => _ordered.Values;

    public void Add(T item, DateTime at)
    {
        var position = (at, _sequence++);
        _ordered.Add(position, item);
        _positions.Add(item, position);
    }

    public bool Remove(T item)
    {
        if (!_positions.Remove(item, out var position))
        {
            return false;
        }

        _ordered.Remove(position);
        return true;
    }

    /// <summary>The items whose time is at or before <paramref name="time"/>, earliest first.</summary>
    public List<T> AtOrBefore(DateTime time) => _ordered.TakeWhile(entry => entry.Key.At <= time).Select(entry => entry.Value).ToList();
}
