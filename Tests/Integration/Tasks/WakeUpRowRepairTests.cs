using Dapper;
using Npgsql;
using Planekeeper.Grains.Tasks;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>
/// The wake-up grain's pass over every row (docs/jobs.md, "How it is built") lowers a row that a change made past the
/// rows left too late — a job written by hand, or by a silo of the previous version — and never raises one.
/// </summary>
public class WakeUpRowRepairTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task The_pass_lowers_late_or_missing_rows_to_the_jobs_earliest_moment_and_raises_none()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.Database.ConnectionString);
        await using var database = await dataSource.OpenConnectionAsync();
        var now = DateTime.UtcNow;
        var missing = await OrganizationAsync(database, "missing", wakeAt: null);
        await AddJobAsync(database, missing, "waiting", "pending", nextRunAt: now.AddMinutes(7), startedAt: null);
        var late = await OrganizationAsync(database, "late", wakeAt: now.AddHours(3));
        await AddJobAsync(database, late, "running", "in_progress", nextRunAt: null, startedAt: now.AddSeconds(-5));
        await AddJobAsync(database, late, "waiting", "completed", nextRunAt: now.AddHours(1), startedAt: null);
        var early = await OrganizationAsync(database, "early", wakeAt: now.AddMinutes(-1));
        await AddJobAsync(database, early, "waiting", "completed", nextRunAt: now.AddHours(1), startedAt: null);

        await new TaskStore(dataSource).LowerEveryWakeUpAsync(now, CancellationToken.None);

        Assert.Equal(Rounded(now.AddMinutes(7)), Rounded(await WakeAtAsync(database, missing)));
        Assert.Equal(Rounded(now.AddSeconds(-5)), Rounded(await WakeAtAsync(database, late)));
        Assert.Equal(Rounded(now.AddMinutes(-1)), Rounded(await WakeAtAsync(database, early)));
    }

    private static DateTime Rounded(DateTime time) => new(time.Ticks / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    private static Task<DateTime> WakeAtAsync(NpgsqlConnection database, long organization) =>
        database.QuerySingleAsync<DateTime>("SELECT wake_at FROM task_engine_wake_ups WHERE organization_id = @Organization", new { Organization = organization });

    private static async Task<long> OrganizationAsync(NpgsqlConnection database, string name, DateTime? wakeAt)
    {
        var organization = await database.QuerySingleAsync<long>("INSERT INTO organizations (name) VALUES (@Name) RETURNING id", new { Name = $"wake-up repair {name}" });
        if (wakeAt is not null)
        {
            await database.ExecuteAsync("INSERT INTO task_engine_wake_ups (organization_id, wake_at) VALUES (@Organization, @WakeAt)", new { Organization = organization, WakeAt = wakeAt });
        }

        return organization;
    }

    private static Task AddJobAsync(NpgsqlConnection database, long organization, string name, string status, DateTime? nextRunAt, DateTime? startedAt) =>
        database.ExecuteAsync(
            """
            INSERT INTO gather_jobs (organization_id, name, source_type, artifact_name, schedule, status, next_run_at, started_at)
            VALUES (@Organization, @Name, 'github_releases', 'github.com/repair/' || @Organization || @Name, '0 * * * *', @Status, @NextRunAt, @StartedAt)
            """,
            new { Organization = organization, Name = name, Status = status, NextRunAt = nextRunAt, StartedAt = startedAt });
}
