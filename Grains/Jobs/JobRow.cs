using Planekeeper.Grains.Access;
using Planekeeper.Grains.Interfaces.Jobs;

namespace Planekeeper.Grains.Jobs;

/// <summary>The columns every job table has. A class with setters, as Dapper maps it.</summary>
public abstract class JobRow<TRecord> : IOrganizationOwned
{
    public long Id { get; init; }

    public long OrganizationId { get; init; }

    public string Status { get; init; } = JobStatus.Pending;

    public DateTime? NextRunAt { get; init; }

    public DateTime? LastRunAt { get; init; }

    public string? LastError { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    public int Version { get; init; }

    public abstract TRecord ToRecord();
}
