using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Jobs;

namespace Planekeeper.Grains.Jobs;

/// <summary>Reading and clearing a gather job's releases; the task engine writes them with each completed run.</summary>
public sealed class ReleaseStore(NpgsqlDataSource database)
{
    public async Task<List<ReleaseRecord>> ListAsync(long gatherJobId, int limit, long? before)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<ReleaseRecord>(
            """
            SELECT id, gather_job_id AS GatherJobId, version, released_at AS ReleasedAt, prerelease, app_version AS AppVersion, digest, found_at AS FoundAt
              FROM releases WHERE gather_job_id = @GatherJobId AND id < @Before ORDER BY id DESC LIMIT @Limit
            """,
            new { GatherJobId = gatherJobId, Before = before ?? long.MaxValue, Limit = limit })).ToList();
    }

    public async Task<int> ClearAsync(long gatherJobId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteAsync("DELETE FROM releases WHERE gather_job_id = @GatherJobId", new { GatherJobId = gatherJobId });
    }
}
