using System.Text.Json;
using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Jobs;

namespace Planekeeper.Grains.Jobs;

/// <summary>
/// The rows of one job table. Each kind names its table and definition columns; the statements are shared.
/// Writes of an existing row carry its version and return null when the row moved on.
/// </summary>
public abstract class JobStore<TRow, TRecord, TDefinition>(NpgsqlDataSource database)
    where TRow : JobRow<TRecord>
{
    /// <summary>The table, e.g. <c>gather_jobs</c>.</summary>
    protected abstract string Table { get; }

    /// <summary>The kind's columns as the row class reads them (<c>source_type AS SourceType, …</c>).</summary>
    protected abstract string DefinitionSelect { get; }

    /// <summary>Each written column with the SQL that supplies it (<c>("labels", "CAST(@Labels AS jsonb)")</c>).</summary>
    protected abstract IReadOnlyList<(string Column, string Value)> DefinitionWrites { get; }

    /// <summary>The parameters <see cref="DefinitionWrites"/> refer to.</summary>
    protected abstract object Parameters(TDefinition definition);

    /// <summary>
    /// What the job's runs found, as extra columns of a read: <c>, s.version AS CurrentVersion</c>, taken from
    /// <see cref="FindingsJoin"/>, which joins them to the job row (named <c>j</c>). Empty for kinds without.
    /// </summary>
    protected virtual string FindingsSelect => "";

    /// <summary>A <c>LEFT JOIN LATERAL</c> of what the runs found to the job row <c>j</c>, one row per job.</summary>
    protected virtual string FindingsJoin => "";

    private string Select => $"""
        id, organization_id AS OrganizationId, {DefinitionSelect}, status, next_run_at AS NextRunAt, last_run_at AS LastRunAt,
        last_error AS LastError, created_at AS CreatedAt, updated_at AS UpdatedAt, version
        """;

    public async Task<TRow?> GetAsync(long id)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<TRow>(Read("id = @Id"), new { Id = id });
    }

    /// <summary>
    /// Inserts the job with its first run, and lowers its organization's wake-up row to that run in the same statement,
    /// so that the engine is woken for it even if it never hears of the job (docs/jobs.md, "How it is built").
    /// </summary>
    public async Task<TRow> InsertAsync(long organizationId, TDefinition definition, JobRun run)
    {
        var columns = string.Join(", ", DefinitionWrites.Select(write => write.Column));
        var values = string.Join(", ", DefinitionWrites.Select(write => write.Value));
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<TRow>(
            $"""
            WITH job AS (
                INSERT INTO {Table} (organization_id, {columns}, status, next_run_at) VALUES (@OrganizationId, {values}, @Status, @NextRunAt) RETURNING *),
            wake_up AS (
                INSERT INTO task_engine_wake_ups (organization_id, wake_at)
                SELECT organization_id, next_run_at FROM job WHERE next_run_at IS NOT NULL
                ON CONFLICT (organization_id) DO UPDATE SET wake_at = LEAST(task_engine_wake_ups.wake_at, EXCLUDED.wake_at))
            SELECT {Select} FROM job
            """,
            With(definition, run, new { OrganizationId = organizationId }));
    }

    /// <summary>Writes the definition; the run columns are the task engine's.</summary>
    public async Task<TRow?> UpdateAsync(TRow current, TDefinition definition)
    {
        var assignments = string.Join(", ", DefinitionWrites.Select(write => $"{write.Column} = {write.Value}"));
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<TRow>(
            $"""
            UPDATE {Table} SET {assignments}, updated_at = now(), version = version + 1
             WHERE id = @Id AND version = @Version
            RETURNING {Select}
            """,
            With(definition, null, new { current.Id, current.Version }));
    }

    /// <returns>False when the row moved on, or an alert config started using it meanwhile.</returns>
    public async Task<bool> DeleteAsync(TRow current)
    {
        await using var connection = await database.OpenConnectionAsync();
        try
        {
            return await connection.ExecuteAsync($"DELETE FROM {Table} WHERE id = @Id AND version = @Version", new { current.Id, current.Version }) == 1;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return false;
        }
    }

    public async Task<List<TRow>> ListAsync(long organizationId, JobFilter filter, int limit, long? after)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<TRow>(
            Read("""
                organization_id = @OrganizationId AND id > @After AND (@Status::text IS NULL OR status = @Status)
                AND labels @> CAST(@Labels AS jsonb) ORDER BY id LIMIT @Limit
                """) + " ORDER BY j.id",
            new
            {
                OrganizationId = organizationId, After = after ?? 0, Limit = limit, filter.Status,
                Labels = JsonSerializer.Serialize(filter.Labels),
            })).ToList();
    }

    public async Task<Dictionary<string, int>> CountByStatusAsync(long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string Status, int Count)>(
            $"SELECT status, count(*)::int FROM {Table} WHERE organization_id = @OrganizationId GROUP BY status", new { OrganizationId = organizationId });
        return rows.ToDictionary(row => row.Status, row => row.Count);
    }

    /// <summary>One statement: the job rows <paramref name="where"/> selects, each with what its runs found.</summary>
    private string Read(string where) => $"SELECT j.*{FindingsSelect} FROM (SELECT {Select} FROM {Table} WHERE {where}) j {FindingsJoin}";

    private DynamicParameters With(TDefinition definition, JobRun? run, object keys)
    {
        var parameters = new DynamicParameters(keys);
        parameters.AddDynamicParams(Parameters(definition));
        if (run is not null)
        {
            parameters.AddDynamicParams(new { run.Status, run.NextRunAt });
        }

        return parameters;
    }
}
