namespace Planekeeper.Agent.Work;

/// <summary>
/// The tasks an agent runs at once (<c>AGENT_CONCURRENCY</c>, docs/agent.md, "Running several tasks at once"): each
/// slot runs a claimed task and then the tasks its completions hand out, until one comes back without a next task.
/// Used by the agent's main loop alone; a slot that ended with an exception rethrows it there.
/// </summary>
public sealed class TaskSlots(int size)
{
    private readonly List<Task> _running = [];

    public int Busy => _running.Count;

    /// <summary>Starts a slot's work; the caller claimed at most as many tasks as <see cref="FreeAsync"/> said were free.</summary>
    public void Start(Task work) => _running.Add(work);

    /// <returns>How many slots are free, once at least one is (waiting for a running slot to end when none is).</returns>
    public async Task<int> FreeAsync()
    {
        await EndedAsync();
        while (_running.Count >= size)
        {
            await Task.WhenAny(_running);
            await EndedAsync();
        }

        return size - _running.Count;
    }

    /// <summary>Waits until every slot has ended (on shutdown they end within the grace of their tasks).</summary>
    public async Task AllEndedAsync()
    {
        await Task.WhenAll(_running);
        _running.Clear();
    }

    private async Task EndedAsync()
    {
        foreach (var ended in _running.Where(work => work.IsCompleted).ToList())
        {
            _running.Remove(ended);
            await ended;
        }
    }
}
