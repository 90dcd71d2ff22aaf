using Dapper;
using Npgsql;
using Planekeeper.Configuration;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Tasks;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>
/// The task engine's writes run on plans PostgreSQL made once per connection, not on a fresh plan per write
/// (docs/jobs.md, "How it is built"): planning the batch's statements cost more than running them.
/// </summary>
public class EngineWritePlanTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private const int Writes = 10;

    [Fact]
    public async Task Every_prepared_write_of_a_job_run_uses_the_generic_plan_and_the_pool_resets_the_setting()
    {
        // One physical connection, preparing statements as the silo's pool does: what the writes prepared stays visible to it.
        var connectionString = new NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString)
        {
            MaxPoolSize = 1,
            MaxAutoPrepare = PostgresSettings.DefaultMaxAutoPrepare,
        }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var (organization, job) = await QueuedJobAsync(dataSource);
        var store = new TaskStore(dataSource);

        var run = new JobRunState(JobStatus.Queued, null, 0, null, null, null);
        for (var version = 0; version < Writes; version++)
        {
            var now = DateTime.UtcNow;
            run = run.IsQueued ? TaskTransitions.Claimed(run, new TaskLeaseHolder(1_000 + version, 1, now, now.AddSeconds(30))) : TaskTransitions.Due(run) with { Lease = null };
            await store.WriteAsync(organization, [new RunStateWrite(job, version, run)], new TaskBatch());
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(Writes, await connection.QuerySingleAsync<int>("SELECT run_version FROM gather_jobs WHERE id = @Id", new { job.Id }));
        var plans = await connection.QuerySingleAsync<(long Generic, long Custom)>(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%task_run_version_conflict%'");
        Assert.True(plans.Generic > 0, "the run write was prepared");
        Assert.Equal(0, plans.Custom);
        Assert.Equal("auto", await connection.QuerySingleAsync<string>("SHOW plan_cache_mode"));
    }

    private static async Task<(long Organization, JobRef Job)> QueuedJobAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var organization = await connection.QuerySingleAsync<long>("INSERT INTO organizations (name) VALUES ('engine write plans') RETURNING id");
        var job = await connection.QuerySingleAsync<long>(
            """
            INSERT INTO gather_jobs (organization_id, name, source_type, artifact_name, status, next_run_at, run_version)
            VALUES (@Organization, 'planned', 'github_releases', 'github.com/plans/planned', 'queued', now(), 0) RETURNING id
            """,
            new { Organization = organization });
        return (organization, new JobRef(JobRef.Gather, job));
    }
}
