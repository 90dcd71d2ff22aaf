namespace Planekeeper.Grains.Tasks;

/// <summary>Who holds a job now: the task (execution) id is the lease's identity.</summary>
public sealed record TaskLeaseHolder(long TaskId, long AgentId, DateTime StartedAt, DateTime ExpiresAt);
