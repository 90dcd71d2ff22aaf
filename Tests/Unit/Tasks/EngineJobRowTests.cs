using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Tasks;
using static Planekeeper.Tests.Unit.Tasks.TaskTestData;

namespace Planekeeper.Tests.Unit.Tasks;

public class EngineJobRowTests
{
    private static readonly EngineJobRow Row = new()
    {
        Kind = JobRef.Scrape,
        Id = 9,
        DefinitionVersion = 3,
        CredentialName = "infra-repo",
        Schedule = "*/15 * * * *",
        Runnable = true,
        HistoryLimit = 10,
        JobJson = """{"name":"prod"}""",
        Status = JobStatus.InProgress,
        NextRunAt = NextQuarter,
        Attempt = 1,
        LastRunAt = At(-60),
        LastError = "timed out",
        LeaseId = 21,
        LeaseAgentId = 7,
        LeaseExpiresAt = At(1),
        StartedAt = Now,
        RunVersion = 12,
    };

    [Fact]
    public void The_definition_names_the_capability_credential_and_schedule()
    {
        var definition = Row.Definition;

        Assert.Equal(new JobNeeds("scrape", "infra-repo"), definition.Needs);
        Assert.Equal("*/15 * * * *", definition.Schedule!.Expression);
        Assert.Equal((true, 3, """{"name":"prod"}""", 10), (definition.Runnable, definition.DefinitionVersion, definition.JobJson, definition.HistoryLimit));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not a schedule")]
    public void A_missing_or_unreadable_schedule_means_none(string? schedule) =>
        Assert.Null(new EngineJobRow { Kind = JobRef.Gather, Schedule = schedule }.Definition.Schedule);

    [Fact]
    public void The_run_carries_the_lease()
    {
        var expected = new JobRunState(JobStatus.InProgress, NextQuarter, 1, At(-60), "timed out", new TaskLeaseHolder(21, 7, Now, At(1)));

        Assert.Equal(expected, Row.Run);
    }

    [Fact]
    public void A_row_without_a_lease_id_has_no_lease() =>
        Assert.Null(new EngineJobRow { Kind = JobRef.Gather, Status = JobStatus.Queued, LeaseAgentId = 7 }.Run.Lease);

    [Fact]
    public void The_engine_job_expects_the_rows_run_version()
    {
        var job = Row.ToEngineJob();

        Assert.Equal((new JobRef(JobRef.Scrape, 9), 12), (job.Ref, job.PersistedRunVersion));
    }
}
