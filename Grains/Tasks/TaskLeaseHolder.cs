namespace Planekeeper.Grains.Tasks;

/// <summary>Who holds a job now: the task (execution) id is the lease's identity.</summary>
public readonly record struct TaskLeaseHolder(long TaskId, long AgentId, DateTime StartedAt, DateTime ExpiresAt);
