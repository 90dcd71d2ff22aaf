using Microsoft.Extensions.Configuration;
using Npgsql;
using Planekeeper.Configuration;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Storage;

/// <summary>
/// The silo's grain pool skips Npgsql's reset of a connection going back to the pool (docs/configuration.md,
/// "Database"): what that leaves, and what it must not leave.
/// </summary>
public class GrainConnectionPoolTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task A_connection_back_in_the_grains_pool_is_not_reset_before_its_next_use()
    {
        await using var pool = OnePooledConnection();
        var session = await UseAsync(pool, "SELECT set_config('planekeeper.probe', 'kept', false)");

        var (sameSession, kept) = await NextUseAsync(pool, session, "SELECT current_setting('planekeeper.probe', true)");

        Assert.True(sameSession);
        Assert.Equal("kept", kept);
    }

    [Fact]
    public async Task A_transaction_left_open_is_rolled_back_before_the_connection_is_used_again()
    {
        await using var pool = OnePooledConnection();
        var session = await UseAsync(pool, "BEGIN; CREATE TABLE pool_probe (id integer); SELECT 1");

        var (sameSession, table) = await NextUseAsync(pool, session, "SELECT to_regclass('pool_probe')::text");

        Assert.True(sameSession);
        Assert.Null(table);
    }

    private NpgsqlDataSource OnePooledConnection()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ConnectionStrings:Planekeeper", $"{fixture.Database.ConnectionString};Maximum Pool Size=1")])
            .Build();
        return NpgsqlDataSource.Create(PostgresSettings.FromConfiguration(configuration, "test").GrainConnectionString);
    }

    /// <returns>The server process of the connection's session.</returns>
    private static async Task<int> UseAsync(NpgsqlDataSource pool, string sql)
    {
        await using var connection = await pool.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteScalarAsync();
        return connection.ProcessID;
    }

    private static async Task<(bool SameSession, string? Answer)> NextUseAsync(NpgsqlDataSource pool, int session, string sql)
    {
        await using var connection = await pool.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var answer = await command.ExecuteScalarAsync();
        return (connection.ProcessID == session, answer as string);
    }
}
