namespace Planekeeper.Grains.Agents;

/// <summary>
/// The organizations of the tasks an agent was handed, kept until the task ends or its lease runs out. Only a cache in
/// front of <c>task_executions</c> (which knows every task's organization), so dropping an entry never loses a task.
/// </summary>
public sealed class HeldTasks
{
    private readonly Dictionary<long, (long OrganizationId, DateTime LeaseExpiresAt)> _tasks = new();

    /// <summary>No lease runs out before this: until then, looking for expired entries costs nothing.</summary>
    private DateTime _nothingExpiresBefore = DateTime.MaxValue;

    public int Count => _tasks.Count;

    public IEnumerable<long> Organizations => _tasks.Values.Select(task => task.OrganizationId).Distinct();

    /// <summary>Remembers a task handed out now; entries whose lease has run out go.</summary>
    public void Hold(long taskId, long organizationId, DateTime leaseExpiresAt, DateTime now)
    {
        ForgetExpired(now);
        _tasks[taskId] = (organizationId, leaseExpiresAt);
        _nothingExpiresBefore = Earlier(_nothingExpiresBefore, leaseExpiresAt);
    }

    public void Renewed(long taskId, DateTime leaseExpiresAt)
    {
        if (_tasks.TryGetValue(taskId, out var task))
        {
            _tasks[taskId] = task with { LeaseExpiresAt = leaseExpiresAt };
            _nothingExpiresBefore = Earlier(_nothingExpiresBefore, leaseExpiresAt);
        }
    }

    /// <summary>The task's organization while its lease runs; null once it ran out or the task was never held here.</summary>
    public long? OrganizationOf(long taskId, DateTime now)
    {
        ForgetExpired(now);
        return _tasks.TryGetValue(taskId, out var task) ? task.OrganizationId : null;
    }

    public void Release(long taskId) => _tasks.Remove(taskId);

    public void Clear() => _tasks.Clear();

    private void ForgetExpired(DateTime now)
    {
        if (now < _nothingExpiresBefore)
        {
            return;
        }

        _nothingExpiresBefore = DateTime.MaxValue;
        foreach (var (taskId, task) in _tasks)
        {
            if (task.LeaseExpiresAt <= now)
            {
                _tasks.Remove(taskId);
            }
            else
            {
                _nothingExpiresBefore = Earlier(_nothingExpiresBefore, task.LeaseExpiresAt);
            }
        }
    }

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;
}
