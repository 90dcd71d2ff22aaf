using System.Collections.Concurrent;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// A job row as the engine loads it (a class with setters, as Dapper maps it). What it becomes is held in memory for
/// every job of every active engine, so the values many jobs share are shared, not repeated per job: the kind and
/// status strings (interned: a small fixed set) and parsed schedules (one per distinct expression).
/// </summary>
public sealed class EngineJobRow
{
    private static readonly ConcurrentDictionary<string, CronSchedule?> ParsedSchedules = new();

    public string Kind { get; init; } = "";
    public long Id { get; init; }
    public int DefinitionVersion { get; init; }
    public string? CredentialName { get; init; }
    public string? Schedule { get; init; }
    public bool Runnable { get; init; }
    public int HistoryLimit { get; init; }
    public string JobJson { get; init; } = "{}";
    public string Status { get; init; } = "";
    public DateTime? NextRunAt { get; init; }
    public int Attempt { get; init; }
    public DateTime? LastRunAt { get; init; }
    public string? LastError { get; init; }
    public long? LeaseId { get; init; }
    public long? LeaseAgentId { get; init; }
    public DateTime? LeaseExpiresAt { get; init; }
    public DateTime? StartedAt { get; init; }
    public int RunVersion { get; init; }
    public string? ETag { get; init; }
    public DateTime? LastModified { get; init; }

    public JobRef Ref => new(string.Intern(Kind), Id);

    public JobDefinitionForTasks Definition => new(
        new JobNeeds(JobNeeds.CapabilityOf(Kind), CredentialName),
        Schedule is null ? null : ParsedSchedules.GetOrAdd(Schedule, expression => CronSchedule.TryParse(expression, out var schedule, out _) ? schedule : null),
        Runnable,
        DefinitionVersion,
        JobJson,
        HistoryLimit);

    public JobRunState Run => new(
        string.Intern(Status), NextRunAt, Attempt, LastRunAt, LastError,
        LeaseId is { } taskId ? new TaskLeaseHolder(taskId, LeaseAgentId!.Value, StartedAt!.Value, LeaseExpiresAt!.Value) : null);

    public EngineJob ToEngineJob() => new(Ref, Definition, Run, RunVersion)
    {
        Validators = ETag is null && LastModified is null ? null : new UpstreamValidators(ETag, LastModified),
    };
}
