namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// A conventional job queue in PostgreSQL for the baselines: a table of jobs (status and due time, a partial index on
/// the queued ones) and a table of the releases their runs found, shaped like Planekeeper's <c>releases</c>.
/// </summary>
public sealed record QueueTable(string Jobs)
{
    public string Releases => $"{Jobs}_releases";

    public async Task CreateAsync(BenchDatabase database, int queuedJobs)
    {
        await database.ExecuteAsync(
            $"""
            CREATE TABLE {Jobs}
            (
                id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name          text        NOT NULL,
                artifact_name text        NOT NULL,
                status        text        NOT NULL CHECK (status IN ('queued', 'in_progress', 'completed')),
                next_run_at   timestamptz NOT NULL,
                started_at    timestamptz NULL,
                finished_at   timestamptz NULL
            );
            CREATE INDEX ix_{Jobs}_due ON {Jobs} (next_run_at) WHERE status = 'queued';
            CREATE TABLE {Releases}
            (
                id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                job_id      bigint      NOT NULL REFERENCES {Jobs} (id),
                version     text        NOT NULL,
                released_at timestamptz NULL,
                prerelease  boolean     NOT NULL,
                found_at    timestamptz NOT NULL DEFAULT now(),
                UNIQUE (job_id, version)
            );
            INSERT INTO {Jobs} (name, artifact_name, status, next_run_at)
            SELECT 'j' || g, 'github.com/o/r' || g, 'queued', now() - interval '1 hour' + g * interval '1 ms'
              FROM generate_series(1, @count) AS g;
            ANALYZE {Jobs};
            """,
            ("count", queuedJobs));
    }
}
