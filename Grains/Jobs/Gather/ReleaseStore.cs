using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Jobs.Gather;

namespace Planekeeper.Grains.Jobs.Gather;

/// <summary>Reading and clearing releases; the task engine writes them with each completed gather run.</summary>
public sealed class ReleaseStore(NpgsqlDataSource database)
{
    private const string Columns =
        "id, gather_job_id AS GatherJobId, version, released_at AS ReleasedAt, prerelease, app_version AS AppVersion, digest, found_at AS FoundAt";

    public Task<List<ReleaseRecord>> ListAsync(long gatherJobId, int limit, long? before) => ListAsync(null, gatherJobId, limit, before);

    /// <summary>An organization's releases (or one gather job's), newest found first.</summary>
    public async Task<List<ReleaseRecord>> ListAsync(long? organizationId, long? gatherJobId, int limit, long? before)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<ReleaseRecord>(
            $"""
            SELECT {Columns} FROM releases
             WHERE (@OrganizationId::bigint IS NULL OR organization_id = @OrganizationId)
               AND (@GatherJobId::bigint IS NULL OR gather_job_id = @GatherJobId) AND id < @Before
             ORDER BY id DESC LIMIT @Limit
            """,
            new { OrganizationId = organizationId, GatherJobId = gatherJobId, Before = before ?? long.MaxValue, Limit = limit });
        return rows.Select(Utc).ToList();
    }

    public async Task<ReleaseRecord?> GetAsync(long organizationId, long releaseId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<ReleaseRecord>(
            $"SELECT {Columns} FROM releases WHERE id = @Id AND organization_id = @OrganizationId", new { Id = releaseId, OrganizationId = organizationId });
        return row is null ? null : Utc(row);
    }

    public async Task<ReleaseSummary> SummaryAsync(long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var summary = await connection.QuerySingleAsync<ReleaseSummary>(
            """
            SELECT count(*)::int AS Total, (count(*) FILTER (WHERE prerelease))::int AS Prereleases,
                   count(DISTINCT gather_job_id)::int AS GatherJobs, max(found_at) AS LatestFoundAt
              FROM releases WHERE organization_id = @OrganizationId
            """,
            new { OrganizationId = organizationId });
        return summary with { LatestFoundAt = summary.LatestFoundAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null };
    }

    private static ReleaseRecord Utc(ReleaseRecord row) => row with
    {
        ReleasedAt = row.ReleasedAt is { } released ? DateTime.SpecifyKind(released, DateTimeKind.Utc) : null,
        FoundAt = DateTime.SpecifyKind(row.FoundAt, DateTimeKind.Utc),
    };

    public async Task<int> ClearAsync(long gatherJobId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteAsync("DELETE FROM releases WHERE gather_job_id = @GatherJobId", new { GatherJobId = gatherJobId });
    }
}
