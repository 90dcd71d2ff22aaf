using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Scheduling;
using Planekeeper.Grains.Tasks;

namespace Planekeeper.Tests.Unit.Tasks;

/// <summary>Times, runs, jobs and agents the task engine's unit tests share.</summary>
internal static class TaskTestData
{
    public static readonly DateTime Now = new(2026, 11, 28, 10, 7, 0, DateTimeKind.Utc);

    /// <summary>The next occurrence of <see cref="Quarterly"/> after <see cref="Now"/>.</summary>
    public static readonly DateTime NextQuarter = new(2026, 11, 28, 10, 15, 0, DateTimeKind.Utc);

    public static CronSchedule Quarterly()
    {
        Assert.True(CronSchedule.TryParse("*/15 * * * *", out var schedule, out _));
        return schedule;
    }

    public static DateTime At(int minutes) => Now.AddMinutes(minutes);

    public static JobRunState Run(string status, DateTime? nextRunAt = null) => new(status, nextRunAt, 0, null, null, null);

    public static JobRunState Queued(DateTime? at = null) => Run(JobStatus.Queued, at ?? Now);

    public static JobRunState Pending(DateTime at) => Run(JobStatus.Pending, at);

    public static TaskLeaseHolder Lease(long taskId, long agentId = 1, DateTime? startedAt = null, DateTime? expiresAt = null) =>
        new(taskId, agentId, startedAt ?? Now, expiresAt ?? Now.AddSeconds(30));

    public static JobRunState Running(TaskLeaseHolder lease) => new(JobStatus.InProgress, null, 0, null, null, lease);

    public static JobDefinitionForTasks Definition(
        string kind = JobRef.Gather, string? credential = null, bool runnable = true, CronSchedule? schedule = null, int version = 1) =>
        new(new JobNeeds(JobNeeds.CapabilityOf(kind), credential), schedule, runnable, version, "{}", 0);

    public static EngineJob Job(long id, JobRunState run, string? credential = null, bool runnable = true, string kind = JobRef.Gather) =>
        new(new JobRef(kind, id), Definition(kind, credential, runnable), run, 1);

    public static ClaimingAgent ClientAgent(string[] capabilities, params string[] credentials) => new(7, 42, capabilities, credentials);

    public static ClaimingAgent ServerAgent(string[] capabilities, params string[] credentials) =>
        new(8, ClaimingAgent.GlobalOrganizationId, capabilities, credentials);
}
