using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Jobs;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// The task engine's SQL: loading an organization's jobs, and writing a whole <see cref="TaskBatch"/> in one
/// transaction and one round trip (one statement per kind of change, however many jobs it covers); and the
/// cluster-wide questions of server dispatch and maintenance (which organizations have such jobs).
/// </summary>
public sealed class TaskStore(NpgsqlDataSource database)
{
    private static readonly string JobsOfOrganization =
        string.Join("\nUNION ALL\n", JobTable.All.Select(table => $"{table.Select} WHERE organization_id = @OrganizationId")) + "\nORDER BY 1, 2";

    public async Task<List<EngineJobRow>> LoadAsync(long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<EngineJobRow>(JobsOfOrganization, new { OrganizationId = organizationId })).ToList();
    }

    /// <summary>What an engine reads when it activates, in one round trip: its jobs, and its wake-up row (null: none).</summary>
    public async Task<(List<EngineJobRow> Jobs, DateTime? WakeUp)> LoadWithWakeUpAsync(long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var results = await connection.QueryMultipleAsync(
            $"""
            {JobsOfOrganization};
            SELECT NULLIF(wake_at, 'infinity') FROM task_engine_wake_ups WHERE organization_id = @OrganizationId;
            """,
            new { OrganizationId = organizationId });
        var jobs = (await results.ReadAsync<EngineJobRow>()).ToList();
        return (jobs, await results.ReadSingleOrDefaultAsync<DateTime?>());
    }

    public async Task<EngineJobRow?> LoadAsync(long organizationId, JobRef job)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<EngineJobRow>(
            $"{JobTable.Of(job.Kind).Select} WHERE organization_id = @OrganizationId AND id = @Id", new { OrganizationId = organizationId, job.Id });
    }

    /// <summary>Reserves task ids, so that claims know theirs before they are written.</summary>
    public async Task<List<long>> ReserveTaskIdsAsync(int count)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<long>("SELECT nextval('task_execution_ids') FROM generate_series(1, @Count)", new { Count = count })).ToList();
    }

    /// <summary>Which of these agents have not heartbeaten since <paramref name="since"/>.</summary>
    public async Task<List<long>> SilentAgentsAsync(IEnumerable<long> agentIds, DateTime since)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<long>(
            "SELECT id FROM agents WHERE id = ANY(@Ids) AND last_heartbeat_at < @Since", new { Ids = agentIds.ToArray(), Since = since })).ToList();
    }

    /// <summary>
    /// Organizations with jobs a server agent may run now: queued, runnable and naming no credential. (A job that falls due
    /// later is offered by its engine then.)
    /// </summary>
    public async Task<List<long>> OrganizationsWithServerWorkAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition(
            string.Join("\nUNION ", JobKind.All.Select(kind =>
                $"SELECT organization_id FROM {kind.Table} WHERE {AwakeBy("@Now")} AND status = 'queued' AND credential_name IS NULL AND ({kind.Runnable})")),
            new { Now = now }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// SQL: the job row's organization has a wake-up row at or before <paramref name="moment"/> (an SQL expression), give or
    /// take <see cref="ClockSkew"/> (the row may come from another silo's clock). Every organization with a job queued or
    /// running by then has one (<see cref="EngineWakeUpRow.MomentOf"/>), so a question about queued or running jobs reads
    /// only those organizations' jobs, by the organization index.
    /// </summary>
    public static string AwakeBy(string moment) =>
        $"organization_id IN (SELECT organization_id FROM task_engine_wake_ups WHERE wake_at <= {moment} + interval '{ClockSkew.TotalSeconds} seconds')";

    /// <summary>How far apart the silos' clocks may be for <see cref="AwakeBy"/> to find every organization it must.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Organizations whose engine must be awake at or before <paramref name="horizon"/> — a job waiting for a next run by
    /// then, or one queued or running — the soonest first: one read of <c>task_engine_wake_ups</c> by its index
    /// (<see cref="EngineWakeUpGrain"/>, <see cref="EngineWakeUpRow"/>).
    /// </summary>
    public async Task<List<long>> OrganizationsToWakeAsync(DateTime horizon, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT organization_id FROM task_engine_wake_ups WHERE wake_at <= @Horizon ORDER BY wake_at, organization_id",
            new { Horizon = horizon }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// Lowers every organization's wake-up row to its jobs' earliest moment (creating the rows missing): one pass over
    /// the job tables, which makes right a row that a change made outside this version's writes left too late — by a
    /// silo of the previous version during a rolling upgrade, or by hand (<see cref="EngineWakeUpGrain"/>).
    /// </summary>
    public async Task LowerEveryWakeUpAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO task_engine_wake_ups (organization_id, wake_at)
            SELECT organization_id, min(at) FROM ({TaskWriteStatements.JobMoments("true")}) AS moments WHERE at IS NOT NULL GROUP BY organization_id
            ON CONFLICT (organization_id) DO UPDATE SET wake_at = LEAST(task_engine_wake_ups.wake_at, EXCLUDED.wake_at)
            """,
            new { now }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The <paramref name="top"/> organizations with the most queued jobs, most first: one statement over the job
    /// tables' partial indexes of due rows, for the queue-depth gauge (<see cref="QueuedJobsGauge"/>).
    /// </summary>
    public async Task<List<QueuedJobs>> MostQueuedAsync(int top, DateTime now)
    {
        var queued = string.Join("\n UNION ALL ", JobKind.All.Select(kind => $"SELECT organization_id FROM {kind.Table} WHERE {AwakeBy("@Now")} AND status = 'queued' AND ({kind.Runnable})"));
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<QueuedJobs>(
            $"""
            SELECT organization_id AS OrganizationId, count(*) AS Queued
              FROM ({queued}) AS queued_jobs
             GROUP BY organization_id
             ORDER BY Queued DESC, organization_id
             LIMIT @Top
            """,
            new { Top = top, Now = now })).ToList();
    }

    public sealed class StuckJobRow
    {
        public string Kind { get; init; } = "";
        public long JobId { get; init; }
        public string JobName { get; init; } = "";
        public long OrganizationId { get; init; }
        public string? OrganizationName { get; init; }
        public long? AgentId { get; init; }
        public string? AgentName { get; init; }
        public DateTime InProgressSince { get; init; }
        public DateTime? LeaseExpiresAt { get; init; }
    }

    /// <summary>Every job in progress since before <paramref name="startedBefore"/>, longest first, with its organization's and agent's names.</summary>
    public async Task<List<StuckJobRow>> StuckJobsAsync(DateTime startedBefore)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<StuckJobRow>(
            string.Join("\nUNION ALL\n", JobKind.All.Select(kind => $"""
                SELECT '{kind.Name}' AS Kind, j.id AS JobId, j.name AS JobName, j.organization_id AS OrganizationId,
                       CASE WHEN j.organization_id = 0 THEN NULL ELSE o.name END AS OrganizationName,
                       j.lease_agent_id AS AgentId, a.name AS AgentName, j.started_at AS InProgressSince, j.lease_expires_at AS LeaseExpiresAt
                  FROM {kind.Table} j
                  JOIN organizations o ON o.id = j.organization_id
                  LEFT JOIN agents a ON a.id = j.lease_agent_id
                 WHERE j.{AwakeBy("@StartedBefore")} AND j.status = 'in_progress' AND j.started_at < @StartedBefore
                """)) + "\nORDER BY InProgressSince, Kind, JobId",
            new { StartedBefore = startedBefore })).ToList();
    }

    /// <summary>Organizations with a job in progress since before <paramref name="startedBefore"/>.</summary>
    public async Task<List<long>> OrganizationsWithRunsStartedBeforeAsync(DateTime startedBefore)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<long>(
            string.Join(" UNION ", JobKind.All.Select(kind => $"SELECT organization_id FROM {kind.Table} WHERE {AwakeBy("@StartedBefore")} AND status = 'in_progress' AND started_at < @StartedBefore")),
            new { StartedBefore = startedBefore })).ToList();
    }

    /// <summary>
    /// The whole batch in one round trip: without an explicit transaction the batch is one implicit transaction,
    /// committed (durably) before the database answers, and rolled back entirely when a statement fails.
    /// </summary>
    /// <param name="lowerWakeUpTo">When set, the organization's wake-up row is lowered to it in the same transaction.</param>
    /// <returns>
    /// The active alert configs using the jobs the batch completed, read in the same round trip, and the wake-up row
    /// when the batch recomputed it.
    /// </returns>
    /// <exception cref="RunVersionConflictException">A job row was changed or deleted by someone else; nothing was written.</exception>
    public async Task<TaskWriteOutcome> WriteAsync(long organizationId, IReadOnlyList<RunStateWrite> runs, TaskBatch batch, DateTime? lowerWakeUpTo, DateTime now)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var statements = new NpgsqlBatch(connection);
        foreach (var group in runs.GroupBy(write => write.Job.Kind))
        {
            statements.BatchCommands.Add(TaskWriteStatements.RunStates(JobTable.Of(group.Key), group.Key, group.ToList()));
        }

        TaskWriteStatements.AddExecutionsAndResults(statements, organizationId, batch);
        if (lowerWakeUpTo is { } moment)
        {
            statements.BatchCommands.Add(TaskWriteStatements.LowerWakeUp(organizationId, moment));
        }

        if (batch.RecomputeWakeUp)
        {
            foreach (var statement in TaskWriteStatements.RecomputeWakeUp(organizationId, now))
            {
                statements.BatchCommands.Add(statement);
            }
        }

        if (TaskWriteStatements.AlertConfigsOfResults(organizationId, batch) is { } alertConfigs)
        {
            statements.BatchCommands.Add(alertConfigs);
        }

        var outcome = new TaskWriteOutcome([], null);
        if (statements.BatchCommands.Count == 0)
        {
            return outcome;
        }

        try
        {
            await using var reader = await statements.ExecuteReaderAsync();
            // Rows come from the alert configs (id) and the recomputed wake-up row (wake_at); the lock's row is skipped.
            do
            {
                while (await reader.ReadAsync())
                {
                    switch (reader.GetName(0))
                    {
                        case "id":
                            outcome.AlertConfigs.Add(reader.GetInt64(0));
                            break;
                        case "wake_at":
                            outcome = outcome with { RecomputedWakeUp = reader.IsDBNull(0) ? null : reader.GetDateTime(0) };
                            break;
                    }
                }
            }
            while (await reader.NextResultAsync());
        }
        catch (PostgresException conflict) when (conflict.SqlState == TaskWriteStatements.RunVersionConflict)
        {
            throw new RunVersionConflictException(conflict.MessageText);
        }

        return outcome;
    }
}

/// <summary>What a write read back: the alert configs to tell, and the recomputed wake-up row (when it was recomputed).</summary>
public sealed record TaskWriteOutcome(List<long> AlertConfigs, DateTime? RecomputedWakeUp);

/// <summary>The database holds a newer run of a job than the engine's memory: the engine must reload.</summary>
public sealed class RunVersionConflictException(string message) : Exception(message);
