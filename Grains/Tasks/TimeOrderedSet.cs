namespace Planekeeper.Grains.Tasks;

/// <summary>
/// Items ordered by a time (then by when they were added), with removal by item. The earliest time allocates nothing,
/// and a check for due items with nothing due no more than its empty list: the engine asks after every change
/// (bench/README.md, JobPipeline, seventh round).
/// </summary>
public sealed class TimeOrderedSet<T>
    where T : class
{
    private readonly SortedSet<Entry> _ordered = new(EntryOrder.Instance);
    private readonly Dictionary<T, Entry> _entries = new(ReferenceEqualityComparer.Instance);
    private long _sequence;

    public int Count => _ordered.Count;

    /// <summary>The earliest time, or null when empty.</summary>
    public DateTime? EarliestAt => _ordered.Count == 0 ? null : _ordered.Min.At;

    public IEnumerable<T> InOrder => _ordered.Select(entry => entry.Item);

    public void Add(T item, DateTime at)
    {
        var entry = new Entry(at, _sequence++, item);
        _ordered.Add(entry);
        _entries.Add(item, entry);
    }

    public bool Remove(T item)
    {
        if (!_entries.Remove(item, out var entry))
        {
            return false;
        }

        _ordered.Remove(entry);
        return true;
    }

    /// <summary>The items whose time is at or before <paramref name="time"/>, earliest first.</summary>
    public List<T> AtOrBefore(DateTime time) => EarliestAt <= time
        ? _ordered.TakeWhile(entry => entry.At <= time).Select(entry => entry.Item).ToList()
        : [];

    private readonly record struct Entry(DateTime At, long Sequence, T Item);

    private sealed class EntryOrder : IComparer<Entry>
    {
        public static readonly EntryOrder Instance = new();

        public int Compare(Entry x, Entry y) => x.At != y.At ? x.At.CompareTo(y.At) : x.Sequence.CompareTo(y.Sequence);
    }
}
