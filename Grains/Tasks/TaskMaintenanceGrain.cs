using Dapper;
using Npgsql;
using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Tasks;

[StatelessWorker]
[GrainType("planekeeper.tasks.maintenance")]
public sealed class TaskMaintenanceGrain(NpgsqlDataSource database, TimeProvider clock) : Grain, ITaskMaintenanceGrain
{
    public async Task<int> ResetStuckAsync(TimeSpan olderThan)
    {
        var startedBefore = clock.GetUtcNow().UtcDateTime - olderThan;
        await using var connection = await database.OpenConnectionAsync();
        var organizations = await connection.QueryAsync<long>(
            string.Join(" UNION ", JobTable.All.Select(table => $"SELECT organization_id FROM {table.Table} WHERE status = 'in_progress' AND started_at < @StartedBefore")),
            new { StartedBefore = startedBefore });
        var counts = await Task.WhenAll(organizations.Select(organization => GrainFactory.GetGrain<ITaskEngineGrain>(organization).ResetStuckAsync(olderThan)));
        return counts.Sum();
    }
}
