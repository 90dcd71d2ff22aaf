using Dapper;
using Npgsql;

namespace Planekeeper.Grains.Alerts.Configs;

/// <summary>Which alert configs use a job: such a job cannot be deleted.</summary>
public sealed class AlertConfigReferences(NpgsqlDataSource database)
{
    /// <param name="column">The alert_configs column that points at this kind of job, e.g. <c>gather_job_id</c>.</param>
    public async Task<IReadOnlyList<string>> NamesAsync(string column, long jobId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<string>(
            $"SELECT format('%s (id %s)', name, id) FROM alert_configs WHERE {column} = @JobId ORDER BY id", new { JobId = jobId })).ToList();
    }
}
