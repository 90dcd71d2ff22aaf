using Planekeeper.Grains.Interfaces.Access;

namespace Planekeeper.Grains.Access;

/// <summary>
/// The frontends that cached something of one grain (docs/security.md, "Verified API keys"). A change tells each of
/// them before the grain answers its caller; a frontend that does not answer within <see cref="Patience"/> is dropped,
/// its entries end on their own within a second. Kept in memory only: after a reactivation the frontends register
/// again with their next lookup, and until then their entries end on their own.
/// </summary>
public sealed class AccessCacheWatchers
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(1);

    private readonly HashSet<IAccessCacheObserver> _watchers = [];

    public void Add(IAccessCacheObserver watcher) => _watchers.Add(watcher);

    public async Task TellAsync(Func<IAccessCacheObserver, Task> message)
    {
        if (_watchers.Count == 0)
        {
            return;
        }

        var told = await Task.WhenAll(_watchers.ToList().Select(async watcher => (watcher, Answered: await AnsweredAsync(message(watcher)))));
        foreach (var (watcher, _) in told.Where(t => !t.Answered))
        {
            _watchers.Remove(watcher);
        }
    }

    private static async Task<bool> AnsweredAsync(Task call)
    {
        try
        {
            await call.WaitAsync(Patience);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
