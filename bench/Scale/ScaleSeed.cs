using Planekeeper.Bench.JobPipeline;

namespace Planekeeper.Bench.Scale;

/// <summary>
/// The organizations and their scheduled gather jobs, inserted with SQL in bulk. Job <c>j</c> of an organization has
/// the slot <c>(j − 1) × 36 s + (organization id × 7919 mod 36,000) ms</c> in the hour: an organization's 100 jobs are
/// 36 s apart over the whole hour, and the organizations are offset from one another within those 36 s (7919 is a
/// prime, so up to 36,000 organizations get distinct offsets). About 278 jobs fall due in any second at a million jobs,
/// no two at the same instant, and every organization has a job due in any minute. The job runs hourly at its slot's
/// minute; its first run is at the slot itself.
/// </summary>
public static class ScaleSeed
{
    public const int JobsPerOrganization = 100;

    /// <summary>A job's slot in the hour, in milliseconds (see the class); its name is <c>j</c> and its number.</summary>
    private static readonly string SlotOfJob = $"((substring(name from 2)::int - 1) * {3_600_000 / JobsPerOrganization} + organization_id * 7919 % {3_600_000 / JobsPerOrganization})";

    /// <summary>
    /// Each organization's wake-up row at its first next run, as the job store and the engines keep it for jobs they
    /// write (docs/jobs.md, "How it is built"): these rows are written with SQL, past both.
    /// </summary>
    private const string WakeUpRows = """
        INSERT INTO task_engine_wake_ups (organization_id, wake_at)
        SELECT organization_id, min(next_run_at) FROM gather_jobs GROUP BY organization_id
        ON CONFLICT (organization_id) DO UPDATE SET wake_at = EXCLUDED.wake_at;
        """;

    /// <summary>Every job's next run a day away: nothing is due, every engine is idle (its schedule is set with its slot).</summary>
    public static Task InsertAsync(BenchDatabase database, int organizations) => database.ExecuteAsync(
        $"""
        INSERT INTO organizations (name) SELECT 'scale ' || g FROM generate_series(1, @organizations) AS g;
        INSERT INTO gather_jobs (organization_id, name, source_type, artifact_name, schedule, status, next_run_at)
        SELECT o.id, 'j' || j, 'github_releases', 'github.com/scale/o' || o.id || '-j' || j,
               '0 * * * *', 'pending', now() + interval '1 day'
          FROM organizations o CROSS JOIN generate_series(1, {JobsPerOrganization}) AS j
         WHERE o.id > 0;
        {WakeUpRows}
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
        var millisecondOfHour = (start.Minute * 60 + start.Second) * 1000 + start.Millisecond;
        await database.ExecuteAsync(
            $"""
            UPDATE gather_jobs SET schedule = ({SlotOfJob} / 60000)::text || ' * * * *',
                                   next_run_at = @start + (({SlotOfJob} - @millisecond + 3600000) % 3600000) * interval '1 millisecond';
            {WakeUpRows}
            ANALYZE gather_jobs;
            """,
            ("start", start), ("millisecond", millisecondOfHour));
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
