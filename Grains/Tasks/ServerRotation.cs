namespace Planekeeper.Grains.Tasks;

/// <summary>
/// The organizations with work for server agents, in the order they take their turns; each at most once. Taken from
/// the front a group at a time; those of a group whose turn did not come go back to the front, in order.
/// </summary>
public sealed class ServerRotation
{
    private readonly LinkedList<long> _order = new();
    private readonly HashSet<long> _members = [];

    public int Count => _order.Count;

    /// <summary>Queues the organization at the back, unless it is waiting already.</summary>
    public void Keep(long organization)
    {
        if (_members.Add(organization))
        {
            _order.AddLast(organization);
        }
    }

    public List<long> TakeFront(int count)
    {
        var taken = new List<long>(Math.Min(count, _order.Count));
        while (taken.Count < count && _order.First is { } first)
        {
            _order.RemoveFirst();
            _members.Remove(first.Value);
            taken.Add(first.Value);
        }

        return taken;
    }

    /// <summary>Puts these back at the front in their order; one that came back meanwhile keeps its place.</summary>
    public void PutBackInFront(IReadOnlyList<long> organizations)
    {
        for (var i = organizations.Count - 1; i >= 0; i--)
        {
            if (_members.Add(organizations[i]))
            {
                _order.AddFirst(organizations[i]);
            }
        }
    }
}
