using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Alerts;

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

    /// <summary>The organization's alert configs that use this scrape job, gather job or rule, by id.</summary>
    public async Task<IReadOnlyList<AlertConfigUse>> UsersAsync(long organizationId, AlertConfigInput input, long id)
    {
        var column = input switch
        {
            AlertConfigInput.ScrapeJob => "scrape_job_id",
            AlertConfigInput.GatherJob => "gather_job_id",
            _ => "rule_id",
        };
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<AlertConfigUse>(
            $"SELECT id, name FROM alert_configs WHERE organization_id = @OrganizationId AND {column} = @Id ORDER BY id",
            new { OrganizationId = organizationId, Id = id })).ToList();
    }
}
