using Npgsql;
using NpgsqlTypes;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Jobs;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// The statements of one <see cref="TaskBatch"/>: each covers many rows at once through <c>unnest</c> of array
/// parameters, so a batch costs the same few statements whether it holds one change or hundreds.
/// </summary>
public static class TaskWriteStatements
{
    /// <summary>The SQLSTATE of <c>task_run_version_conflict</c> (migration 022).</summary>
    public const string RunVersionConflict = "PKRV1";

    /// <summary>
    /// The jobs' new runs, each only where the row still has the expected run version; answers no row, and fails the
    /// whole batch (<see cref="RunVersionConflict"/>) when a row was changed or deleted meanwhile.
    /// </summary>
    public static NpgsqlBatchCommand RunStates(JobTable table, string kind, IReadOnlyList<RunStateWrite> writes) => Command(
        $"""
        WITH written AS (
            UPDATE {table.Table} AS j
               SET status = u.status, next_run_at = u.next_run_at, attempt = u.attempt, last_run_at = u.last_run_at, last_error = u.last_error,
                   lease_id = u.lease_id, lease_agent_id = u.lease_agent_id, lease_expires_at = u.lease_expires_at, started_at = u.started_at,
                   run_version = j.run_version + 1
              FROM unnest(@ids, @expected, @status, @next_run_at, @attempt, @last_run_at, @last_error, @lease_id, @lease_agent_id, @lease_expires_at, @started_at)
                   AS u(id, expected, status, next_run_at, attempt, last_run_at, last_error, lease_id, lease_agent_id, lease_expires_at, started_at)
             WHERE j.id = u.id AND j.run_version = u.expected
            RETURNING j.id)
        SELECT task_run_version_conflict(@kind, @count - count(*)) FROM written HAVING count(*) <> @count
        """,
        ("kind", kind),
        ("count", (long)writes.Count),
        ("ids", writes.Select(w => w.Job.Id).ToArray()),
        ("expected", writes.Select(w => w.ExpectedRunVersion).ToArray()),
        ("status", writes.Select(w => w.Run.Status).ToArray()),
        ("next_run_at", writes.Select(w => w.Run.NextRunAt).ToArray()),
        ("attempt", writes.Select(w => w.Run.Attempt).ToArray()),
        ("last_run_at", writes.Select(w => w.Run.LastRunAt).ToArray()),
        ("last_error", writes.Select(w => w.Run.LastError).ToArray()),
        ("lease_id", writes.Select(w => w.Run.Lease?.TaskId).ToArray()),
        ("lease_agent_id", writes.Select(w => w.Run.Lease?.AgentId).ToArray()),
        ("lease_expires_at", writes.Select(w => w.Run.Lease?.ExpiresAt).ToArray()),
        ("started_at", writes.Select(w => w.Run.Lease?.StartedAt).ToArray()));

    public static void AddExecutionsAndResults(NpgsqlBatch statements, long organizationId, TaskBatch batch)
    {
        if (batch.Ended.Count > 0)
        {
            statements.BatchCommands.Add(ExecutionsEnded(organizationId, batch.Ended));
        }

        var validators = batch.Results.Where(r => r.Result.Validators is not null).ToList();
        if (validators.Count > 0)
        {
            statements.BatchCommands.Add(UpstreamValidators(validators));
        }

        var releases = batch.Results.Where(r => r.Result.Releases is not null).ToList();
        if (releases.Count > 0)
        {
            statements.BatchCommands.Add(Releases(organizationId, releases));
        }

        var versions = batch.Results.Where(r => r.Result.Version is not null).ToList();
        if (versions.Count > 0)
        {
            statements.BatchCommands.Add(VersionSnapshots(organizationId, versions));
            statements.BatchCommands.Add(PruneVersionSnapshots(versions));
        }

        var charts = batch.Results.Where(r => r.Result.Charts is not null).ToList();
        if (charts.Count > 0)
        {
            statements.BatchCommands.Add(Command("DELETE FROM helm_sync_charts WHERE helm_sync_job_id = ANY(@ids)", ("ids", charts.Select(c => c.Job.Id).ToArray())));
            statements.BatchCommands.Add(Charts(organizationId, charts));
        }
    }

    private static NpgsqlBatchCommand UpstreamValidators(List<ResultToStore> results)
    {
        var latest = results.GroupBy(r => r.Job.Id).Select(g => g.Last()).ToList();
        return Command(
            """
            UPDATE gather_jobs AS j SET upstream_etag = u.etag, upstream_last_modified = u.last_modified
              FROM unnest(@ids, @etags, @last_modified) AS u(id, etag, last_modified)
             WHERE j.id = u.id
            """,
            ("ids", latest.Select(r => r.Job.Id).ToArray()),
            ("etags", latest.Select(r => r.Result.Validators!.ETag).ToArray()),
            ("last_modified", latest.Select(r => r.Result.Validators!.LastModified).ToArray()));
    }

    /// <summary>
    /// One row per run, written when it ends. A run claimed before task_executions was written once per run already
    /// has its row (without an end): that row is completed instead.
    /// </summary>
    private static NpgsqlBatchCommand ExecutionsEnded(long organizationId, List<ExecutionEnded> ended) => Command(
        """
        INSERT INTO task_executions (id, organization_id, job_kind, job_id, agent_id, attempt, started_at, finished_at, outcome, error, duration_ms)
        SELECT u.id, @organization_id, u.kind, u.job_id, u.agent_id, u.attempt, u.started_at, u.finished_at, u.outcome, u.error, u.duration_ms
          FROM unnest(@ids, @kinds, @job_ids, @agent_ids, @attempts, @started_at, @finished_at, @outcomes, @errors, @durations)
               AS u(id, kind, job_id, agent_id, attempt, started_at, finished_at, outcome, error, duration_ms)
        ON CONFLICT (id) DO UPDATE
           SET finished_at = EXCLUDED.finished_at, outcome = EXCLUDED.outcome, error = EXCLUDED.error, duration_ms = EXCLUDED.duration_ms
        """,
        ("organization_id", organizationId),
        ("ids", ended.Select(e => e.TaskId).ToArray()),
        ("kinds", ended.Select(e => e.Job.Kind).ToArray()),
        ("job_ids", ended.Select(e => e.Job.Id).ToArray()),
        ("agent_ids", ended.Select(e => e.AgentId).ToArray()),
        ("attempts", ended.Select(e => e.Attempt).ToArray()),
        ("started_at", ended.Select(e => e.StartedAt).ToArray()),
        ("finished_at", ended.Select(e => e.FinishedAt).ToArray()),
        ("outcomes", ended.Select(e => e.Outcome).ToArray()),
        ("errors", ended.Select(e => e.Error).ToArray()),
        ("durations", ended.Select(e => e.DurationMs).ToArray()));

    private static NpgsqlBatchCommand Releases(long organizationId, List<ResultToStore> results)
    {
        // One statement may not touch the same row twice, so a version reported twice keeps its last report.
        var releases = results
            .SelectMany(r => r.Result.Releases!.Select(release => (JobId: r.Job.Id, Release: release, r.FoundAt)))
            .GroupBy(r => (r.JobId, r.Release.Version))
            .Select(group => group.Last())
            .ToList();
        return Command(
            """
            INSERT INTO releases (organization_id, gather_job_id, version, released_at, prerelease, app_version, digest, found_at)
            SELECT @organization_id, u.job_id, u.version, u.released_at, u.prerelease, u.app_version, u.digest, u.found_at
              FROM unnest(@job_ids, @versions, @released_at, @prerelease, @app_versions, @digests, @found_at)
                   AS u(job_id, version, released_at, prerelease, app_version, digest, found_at)
            ON CONFLICT (gather_job_id, version) DO UPDATE
               SET released_at = EXCLUDED.released_at, prerelease = EXCLUDED.prerelease, app_version = EXCLUDED.app_version, digest = EXCLUDED.digest
            """,
            ("organization_id", organizationId),
            ("job_ids", releases.Select(r => r.JobId).ToArray()),
            ("versions", releases.Select(r => r.Release.Version).ToArray()),
            ("released_at", releases.Select(r => r.Release.ReleasedAt?.ToUniversalTime()).ToArray()),
            ("prerelease", releases.Select(r => r.Release.Prerelease).ToArray()),
            ("app_versions", releases.Select(r => r.Release.AppVersion).ToArray()),
            ("digests", releases.Select(r => r.Release.Digest).ToArray()),
            ("found_at", releases.Select(r => r.FoundAt).ToArray()));
    }

    private static NpgsqlBatchCommand VersionSnapshots(long organizationId, List<ResultToStore> results) => Command(
        """
        INSERT INTO version_snapshots (scrape_job_id, organization_id, version, found_at, commit_sha, source)
        SELECT u.job_id, @organization_id, u.version, u.found_at, u.commit_sha, 'agent'
          FROM unnest(@job_ids, @versions, @found_at, @commit_shas) AS u(job_id, version, found_at, commit_sha)
        """,
        ("organization_id", organizationId),
        ("job_ids", results.Select(r => r.Job.Id).ToArray()),
        ("versions", results.Select(r => r.Result.Version!.Version).ToArray()),
        ("found_at", results.Select(r => r.FoundAt).ToArray()),
        ("commit_shas", results.Select(r => r.Result.Version!.CommitSha).ToArray()));

    private static NpgsqlBatchCommand PruneVersionSnapshots(List<ResultToStore> results) => Command(
        """
        DELETE FROM version_snapshots AS v
         USING unnest(@job_ids, @limits) AS u(job_id, history_limit)
         WHERE v.scrape_job_id = u.job_id
           AND v.id NOT IN (SELECT id FROM version_snapshots WHERE scrape_job_id = u.job_id ORDER BY id DESC LIMIT u.history_limit)
        """,
        ("job_ids", results.Select(r => r.Job.Id).Distinct().ToArray()),
        ("limits", results.GroupBy(r => r.Job.Id).Select(g => g.First().HistoryLimit).ToArray()));

    private static NpgsqlBatchCommand Charts(long organizationId, List<ResultToStore> results)
    {
        var charts = results.GroupBy(r => r.Job.Id).Select(g => g.Last())
            .SelectMany(r => r.Result.Charts!.DistinctBy(c => c.Name).Select(chart => (JobId: r.Job.Id, Chart: chart, r.FoundAt)))
            .ToList();
        return Command(
            """
            INSERT INTO helm_sync_charts (helm_sync_job_id, organization_id, name, latest_version, app_version, found_at)
            SELECT u.job_id, @organization_id, u.name, u.latest_version, u.app_version, u.found_at
              FROM unnest(@job_ids, @names, @latest_versions, @app_versions, @found_at) AS u(job_id, name, latest_version, app_version, found_at)
            """,
            ("organization_id", organizationId),
            ("job_ids", charts.Select(c => c.JobId).ToArray()),
            ("names", charts.Select(c => c.Chart.Name).ToArray()),
            ("latest_versions", charts.Select(c => c.Chart.LatestVersion).ToArray()),
            ("app_versions", charts.Select(c => c.Chart.AppVersion).ToArray()),
            ("found_at", charts.Select(c => c.FoundAt).ToArray()));
    }

    /// <summary>
    /// The active alert configs using the batch's completed gather and scrape jobs, read in the write's own round trip
    /// (the last statement, after the results) so that their evaluation costs no query of its own; null when the batch
    /// completed none (docs/rules-and-alerts.md, "When evaluation runs").
    /// </summary>
    public static NpgsqlBatchCommand? AlertConfigsOfResults(long organizationId, TaskBatch batch)
    {
        var scrapeJobs = batch.Results.Where(r => r.Job.Kind == JobRef.Scrape).Select(r => r.Job.Id).ToArray();
        var gatherJobs = batch.Results.Where(r => r.Job.Kind == JobRef.Gather).Select(r => r.Job.Id).ToArray();
        return scrapeJobs.Length == 0 && gatherJobs.Length == 0 ? null : Command(
            """
            SELECT id FROM alert_configs
             WHERE organization_id = @organization_id AND active AND (scrape_job_id = ANY(@scrape_jobs) OR gather_job_id = ANY(@gather_jobs))
             ORDER BY id
            """,
            ("organization_id", organizationId), ("scrape_jobs", scrapeJobs), ("gather_jobs", gatherJobs));
    }

    /// <summary>Lowers the organization's wake-up row to <paramref name="moment"/> (creating it), never raising it.</summary>
    public static NpgsqlBatchCommand LowerWakeUp(long organizationId, DateTime moment) => Command(
        """
        INSERT INTO task_engine_wake_ups (organization_id, wake_at) VALUES (@organization_id, @wake_at)
        ON CONFLICT (organization_id) DO UPDATE SET wake_at = LEAST(task_engine_wake_ups.wake_at, EXCLUDED.wake_at)
        """,
        ("organization_id", organizationId), ("wake_at", moment));

    /// <summary>
    /// Sets the organization's wake-up row to its jobs' earliest moment (<see cref="EngineWakeUpRow.MomentOf"/>), or
    /// to infinity when none has one; the last statement answers it (<c>wake_at</c>, null for infinity). The row is
    /// locked before the jobs are read (each statement reads what was committed when it began), so a job saved
    /// meanwhile either is read or lowers the row after this write.
    /// </summary>
    public static IEnumerable<NpgsqlBatchCommand> RecomputeWakeUp(long organizationId, DateTime now)
    {
        yield return Command(
            "INSERT INTO task_engine_wake_ups (organization_id, wake_at) VALUES (@organization_id, 'infinity') ON CONFLICT (organization_id) DO NOTHING",
            ("organization_id", organizationId));
        yield return Command(
            "SELECT organization_id AS locked FROM task_engine_wake_ups WHERE organization_id = @organization_id FOR UPDATE",
            ("organization_id", organizationId));
        yield return Command(
            $"""
            UPDATE task_engine_wake_ups
               SET wake_at = coalesce((SELECT min(at) FROM ({JobMoments("organization_id = @organization_id")}) AS moments), 'infinity')
             WHERE organization_id = @organization_id
            RETURNING NULLIF(wake_at, 'infinity') AS wake_at
            """,
            ("organization_id", organizationId), ("now", now));
    }

    /// <summary>
    /// The moment each job selected by <paramref name="where"/> needs its engine, as <see cref="EngineWakeUpRow.MomentOf"/>
    /// says (<c>organization_id, at</c>); <c>@now</c> stands for a queued job's missing due time.
    /// </summary>
    public static string JobMoments(string where) => string.Join("\nUNION ALL\n", JobKind.All.Select(kind => $"""
        SELECT organization_id,
               CASE WHEN status = 'in_progress' THEN started_at
                    WHEN NOT ({kind.Runnable}) THEN NULL
                    WHEN status = 'queued' THEN coalesce(next_run_at, @now)
                    ELSE next_run_at END AS at
          FROM {kind.Table} WHERE {where}
        """));

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            var parameter = new NpgsqlParameter(name, value);
            if (value is DateTime[] or DateTime?[])
            {
                // Stated, so that an array of only nulls is still timestamptz.
                parameter.NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz;
            }

            command.Parameters.Add(parameter);
        }

        return command;
    }
}
