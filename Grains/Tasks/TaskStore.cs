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
    public async Task<List<EngineJobRow>> LoadAsync(long organizationId)
    {
        var sql = string.Join("\nUNION ALL\n", JobTable.All.Select(table => $"{table.Select} WHERE organization_id = @OrganizationId")) + "\nORDER BY 1, 2";
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<EngineJobRow>(sql, new { OrganizationId = organizationId })).ToList();
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
    public async Task<List<long>> OrganizationsWithServerWorkAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<long>(string.Join("\nUNION ", JobKind.All.Select(kind =>
            $"SELECT organization_id FROM {kind.Table} WHERE status = 'queued' AND credential_name IS NULL AND ({kind.Runnable})")))).ToList();
    }

    /// <summary>
    /// Organizations with a runnable job waiting for a next run at or before <paramref name="horizon"/>, or a run whose
    /// lease ends by then, the one whose first such moment comes soonest first: one statement over the partial indexes
    /// of migration 021 (<see cref="EngineWakeUpGrain"/>).
    /// </summary>
    public async Task<List<long>> OrganizationsToWakeAsync(DateTime horizon, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var moments = string.Join("\nUNION ALL ", JobKind.All.Select(kind => $"""
            SELECT organization_id, next_run_at AS at FROM {kind.Table} WHERE status IN ('pending', 'completed', 'failed') AND next_run_at <= @Horizon AND ({kind.Runnable})
            UNION ALL SELECT organization_id, lease_expires_at FROM {kind.Table} WHERE status = 'in_progress' AND lease_expires_at <= @Horizon
            """));
        return (await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT organization_id FROM ({moments}) AS moments GROUP BY organization_id ORDER BY min(at), organization_id",
            new { Horizon = horizon }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// The <paramref name="top"/> organizations with the most queued jobs, most first: one statement over the job
    /// tables' partial indexes of due rows, for the queue-depth gauge (<see cref="QueuedJobsGauge"/>).
    /// </summary>
    public async Task<List<QueuedJobs>> MostQueuedAsync(int top)
    {
        var queued = string.Join("\n UNION ALL ", JobKind.All.Select(kind => $"SELECT organization_id FROM {kind.Table} WHERE status = 'queued' AND ({kind.Runnable})"));
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<QueuedJobs>(
            $"""
            SELECT organization_id AS OrganizationId, count(*) AS Queued
              FROM ({queued}) AS queued_jobs
             GROUP BY organization_id
             ORDER BY Queued DESC, organization_id
             LIMIT @Top
            """,
            new { Top = top })).ToList();
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
                 WHERE j.status = 'in_progress' AND j.started_at < @StartedBefore
                """)) + "\nORDER BY InProgressSince, Kind, JobId",
            new { StartedBefore = startedBefore })).ToList();
    }

    /// <summary>Organizations with a job in progress since before <paramref name="startedBefore"/>.</summary>
    public async Task<List<long>> OrganizationsWithRunsStartedBeforeAsync(DateTime startedBefore)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<long>(
            string.Join(" UNION ", JobKind.All.Select(kind => $"SELECT organization_id FROM {kind.Table} WHERE status = 'in_progress' AND started_at < @StartedBefore")),
            new { StartedBefore = startedBefore })).ToList();
    }

    /// <summary>
    /// The whole batch in one round trip: without an explicit transaction the batch is one implicit transaction,
    /// committed (durably) before the database answers, and rolled back entirely when a statement fails.
    /// </summary>
    /// <returns>The active alert configs using the jobs the batch completed, read in the same round trip.</returns>
    /// <exception cref="RunVersionConflictException">A job row was changed or deleted by someone else; nothing was written.</exception>
    public async Task<List<long>> WriteAsync(long organizationId, IReadOnlyList<RunStateWrite> runs, TaskBatch batch)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var statements = new NpgsqlBatch(connection);
        foreach (var group in runs.GroupBy(write => write.Job.Kind))
        {
            statements.BatchCommands.Add(TaskWriteStatements.RunStates(JobTable.Of(group.Key), group.Key, group.ToList()));
        }

        TaskWriteStatements.AddExecutionsAndResults(statements, organizationId, batch);
        if (TaskWriteStatements.AlertConfigsOfResults(organizationId, batch) is { } alertConfigs)
        {
            statements.BatchCommands.Add(alertConfigs);
        }

        var configs = new List<long>();
        if (statements.BatchCommands.Count == 0)
        {
            return configs;
        }

        try
        {
            await using var reader = await statements.ExecuteReaderAsync();
            // Only the last statement, when there is one, answers rows: the alert configs.
            do
            {
                while (await reader.ReadAsync())
                {
                    configs.Add(reader.GetInt64(0));
                }
            }
            while (await reader.NextResultAsync());
        }
        catch (PostgresException conflict) when (conflict.SqlState == TaskWriteStatements.RunVersionConflict)
        {
            throw new RunVersionConflictException(conflict.MessageText);
        }

        return configs;
    }
}

/// <summary>The database holds a newer run of a job than the engine's memory: the engine must reload.</summary>
public sealed class RunVersionConflictException(string message) : Exception(message);
