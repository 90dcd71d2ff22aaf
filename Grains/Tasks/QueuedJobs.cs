namespace Planekeeper.Grains.Tasks;

/// <summary>How many of an organization's jobs are queued: due, and waiting for an agent to claim them.</summary>
public sealed record QueuedJobs(long OrganizationId, long Queued);
