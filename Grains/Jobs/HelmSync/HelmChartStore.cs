using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Jobs.HelmSync;

namespace Planekeeper.Grains.Jobs.HelmSync;

/// <summary>Reading a helm sync job's charts; the task engine replaces them with each completed run.</summary>
public sealed class HelmChartStore(NpgsqlDataSource database)
{
    public async Task<List<HelmChartRecord>> ListAsync(long helmSyncJobId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<HelmChartRecord>(
            "SELECT name, latest_version AS LatestVersion, app_version AS AppVersion, found_at AS FoundAt FROM helm_sync_charts WHERE helm_sync_job_id = @Id ORDER BY name",
            new { Id = helmSyncJobId })).ToList();
    }
}
