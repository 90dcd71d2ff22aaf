using DbUp.Engine;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Planekeeper.Grains.Storage;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Storage;

public class DatabaseMigratorTests
{
    private static async Task<TestDatabase> FreshDatabaseAsync() =>
        await (await PostgresServer.Shared).CreateDatabaseAsync("migrations");

    private static DatabaseMigrator Migrator(TestDatabase database) => new(database.ConnectionString, NullLogger.Instance);

    private static async Task<List<string>> JournalAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT scriptname FROM {DatabaseMigrator.JournalTable} ORDER BY scriptname", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<bool> TableExistsAsync(TestDatabase database, string table)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        command.Parameters.AddWithValue("table", table);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public void The_embedded_scripts_are_numbered_and_in_order()
    {
        var names = DatabaseMigrator.EmbeddedScripts().Select(script => script.Name).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Matches(@"^\d{3}_[a-z0-9_]+\.sql$", name));
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(names.Count, names.Select(name => name[..3]).Distinct().Count());
    }

    [Fact]
    public async Task Running_twice_applies_everything_once_then_nothing()
    {
        var database = await FreshDatabaseAsync();
        var expected = DatabaseMigrator.EmbeddedScripts().Select(script => script.Name).ToList();

        var first = await Migrator(database).MigrateAsync();
        var second = await Migrator(database).MigrateAsync();

        Assert.Equal(expected, first);
        Assert.Empty(second);
        Assert.Equal(expected, await JournalAsync(database));
    }

    [Fact]
    public async Task Concurrent_runners_apply_each_script_exactly_once()
    {
        var database = await FreshDatabaseAsync();
        var expected = DatabaseMigrator.EmbeddedScripts().Select(script => script.Name).ToList();

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Migrator(database).MigrateAsync())));

        Assert.Equal(expected, runs.SelectMany(applied => applied).Order(StringComparer.Ordinal));
        Assert.Single(runs, applied => applied.Count > 0);
        Assert.Equal(expected, await JournalAsync(database));
    }

    [Fact]
    public async Task A_broken_script_is_named_with_the_sql_error_and_leaves_nothing_behind()
    {
        var database = await FreshDatabaseAsync();
        var broken = new SqlScript("999_broken.sql", "CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;");
        var scripts = DatabaseMigrator.EmbeddedScripts().Append(broken);

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => Migrator(database).MigrateAsync(scripts));

        Assert.Equal("999_broken.sql", error.ScriptName);
        Assert.StartsWith("migration 999_broken.sql failed: 42P01: relation \"no_such_table\" does not exist", error.Message);
        Assert.False(await TableExistsAsync(database, "half_done"));
        Assert.DoesNotContain("999_broken.sql", await JournalAsync(database));
        Assert.Empty(await Migrator(database).MigrateAsync());
    }
}
