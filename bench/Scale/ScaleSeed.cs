using Planekeeper.Bench.JobPipeline;

namespace Planekeeper.Bench.Scale;

/// <summary>
/// The organizations and their scheduled gather jobs, inserted with SQL in bulk. Each job runs hourly at minute
/// <c>m</c>; its first run is at second <c>id % 60</c> of that minute, so due times are spread evenly over the hour.
/// </summary>
public static class ScaleSeed
{
    public const int JobsPerOrganization = 100;

    /// <summary>Every job's next run a day away: nothing is due, every engine is idle.</summary>
    public static Task InsertAsync(BenchDatabase database, int organizations) => database.ExecuteAsync(
        $"""
        INSERT INTO organizations (name) SELECT 'scale ' || g FROM generate_series(1, @organizations) AS g;
        INSERT INTO gather_jobs (organization_id, name, source_type, artifact_name, schedule, status, next_run_at)
        SELECT o.id, 'j' || j, 'github_releases', 'github.com/scale/o' || o.id || '-j' || j,
               ((o.id * {JobsPerOrganization} + j) * 37 % 60)::text || ' * * * *', 'pending', now() + interval '1 day'
          FROM organizations o CROSS JOIN generate_series(1, {JobsPerOrganization}) AS j
         WHERE o.id > 0;
        ANALYZE organizations;
        ANALYZE gather_jobs;
        """,
        ("organizations", organizations));

    /// <summary>
    /// Every job's next run becomes its slot in the hour from <paramref name="start"/> on (engines must be inactive: they
    /// read the rows when they activate). Returns the due time of each job due before <paramref name="windowEnd"/>.
    /// </summary>
    public static async Task<Dictionary<long, DateTime>> ScheduleFromAsync(BenchDatabase database, DateTime start, DateTime windowEnd)
    {
        var secondOfHour = start.Minute * 60 + start.Second;
        await database.ExecuteAsync(
            """
            UPDATE gather_jobs SET next_run_at = @start + ((split_part(schedule, ' ', 1)::int * 60 + id % 60 - @second + 3600) % 3600) * interval '1 second';
            ANALYZE gather_jobs;
            """,
            ("start", start), ("second", secondOfHour));
        var due = new Dictionary<long, DateTime>();
        await using var command = database.DataSource.CreateCommand("SELECT id, next_run_at FROM gather_jobs WHERE next_run_at < @end");
        command.Parameters.AddWithValue("end", windowEnd);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            due[reader.GetInt64(0)] = reader.GetDateTime(1);
        }

        return due;
    }
}
