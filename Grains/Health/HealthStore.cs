using Npgsql;

namespace Planekeeper.Grains.Health;

/// <summary>The health check's one question to the database: does it answer?</summary>
public sealed class HealthStore(NpgsqlDataSource database)
{
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
