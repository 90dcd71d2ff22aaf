using System.Text.Json;
using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Jobs;

namespace Planekeeper.Grains.Jobs;

/// <summary>The gather_jobs rows. Writes of an existing row carry its version and fail (null) when it moved on.</summary>
public sealed class GatherJobStore(NpgsqlDataSource database)
{
    private const string Columns = """
        id, organization_id AS OrganizationId, name, source_type AS SourceType, artifact_name AS ArtifactName, schedule,
        credential_name AS CredentialName, tag_filter AS TagFilter, labels::text AS Labels, status, next_run_at AS NextRunAt,
        last_run_at AS LastRunAt, last_error AS LastError, created_at AS CreatedAt, updated_at AS UpdatedAt, version
        """;

    public sealed class Row
    {
        public long Id { get; init; }
        public long OrganizationId { get; init; }
        public string Name { get; init; } = "";
        public string SourceType { get; init; } = "";
        public string ArtifactName { get; init; } = "";
        public string? Schedule { get; init; }
        public string? CredentialName { get; init; }
        public string? TagFilter { get; init; }
        public string Labels { get; init; } = "{}";
        public string Status { get; init; } = JobStatus.Pending;
        public DateTime? NextRunAt { get; init; }
        public DateTime? LastRunAt { get; init; }
        public string? LastError { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public int Version { get; init; }

        public JobRun Run => new(Status, NextRunAt);

        public GatherJobRecord ToRecord() => new(
            Id, OrganizationId, Name, SourceType, ArtifactName, Schedule, CredentialName, TagFilter,
            JsonSerializer.Deserialize<Dictionary<string, string>>(Labels)!, Status, NextRunAt, LastRunAt, LastError, CreatedAt, UpdatedAt);
    }

    public async Task<Row?> GetAsync(long id)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM gather_jobs WHERE id = @Id", new { Id = id });
    }

    public async Task<Row> InsertAsync(long organizationId, GatherJobDefinition job, JobRun run)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<Row>(
            $"""
            INSERT INTO gather_jobs (organization_id, name, source_type, artifact_name, schedule, credential_name, tag_filter, labels, status, next_run_at)
            VALUES (@OrganizationId, @Name, @SourceType, @ArtifactName, @Schedule, @CredentialName, @TagFilter, CAST(@Labels AS jsonb), @Status, @NextRunAt)
            RETURNING {Columns}
            """,
            Parameters(job, run, new { OrganizationId = organizationId }));
    }

    public async Task<Row?> UpdateAsync(Row current, GatherJobDefinition job, JobRun run)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<Row>(
            $"""
            UPDATE gather_jobs SET name = @Name, source_type = @SourceType, artifact_name = @ArtifactName, schedule = @Schedule,
                   credential_name = @CredentialName, tag_filter = @TagFilter, labels = CAST(@Labels AS jsonb),
                   status = @Status, next_run_at = @NextRunAt, updated_at = now(), version = version + 1
             WHERE id = @Id AND version = @Version
            RETURNING {Columns}
            """,
            Parameters(job, run, new { current.Id, current.Version }));
    }

    public async Task<Row?> UpdateRunAsync(Row current, JobRun run)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<Row>(
            $"UPDATE gather_jobs SET status = @Status, next_run_at = @NextRunAt, updated_at = now(), version = version + 1 WHERE id = @Id AND version = @Version RETURNING {Columns}",
            new { run.Status, run.NextRunAt, current.Id, current.Version });
    }

    public async Task<bool> DeleteAsync(Row current)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteAsync("DELETE FROM gather_jobs WHERE id = @Id AND version = @Version", new { current.Id, current.Version }) == 1;
    }

    public async Task<List<Row>> ListAsync(long organizationId, int limit, long? after)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM gather_jobs WHERE organization_id = @OrganizationId AND id > @After ORDER BY id LIMIT @Limit",
            new { OrganizationId = organizationId, After = after ?? 0, Limit = limit })).ToList();
    }

    public async Task<Dictionary<string, int>> CountByStatusAsync(long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string Status, int Count)>(
            "SELECT status, count(*)::int FROM gather_jobs WHERE organization_id = @OrganizationId GROUP BY status", new { OrganizationId = organizationId });
        return rows.ToDictionary(row => row.Status, row => row.Count);
    }

    private static DynamicParameters Parameters(GatherJobDefinition job, JobRun run, object keys)
    {
        var parameters = new DynamicParameters(keys);
        parameters.AddDynamicParams(new
        {
            job.Name,
            job.SourceType,
            job.ArtifactName,
            job.Schedule,
            job.CredentialName,
            job.TagFilter,
            Labels = JsonSerializer.Serialize(job.Labels),
            run.Status,
            run.NextRunAt,
        });
        return parameters;
    }
}
