using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Planekeeper.Grains.Storage;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Storage;

/// <summary>
/// Expand, then contract (docs/deploy.md, "Migrations: expand, then contract"): the migrations written since the last
/// release (<c>Grains/Storage/Migrations/last-release.txt</c>) must leave a schema the previous release's code still
/// works against, because during a rolling upgrade old silos run on the new schema.
/// </summary>
public sealed class MigrationCompatibilityTests
{
    [Fact]
    public async Task The_migrations_since_the_last_release_only_expand_the_schema()
    {
        var database = await (await PostgresServer.Shared).CreateDatabaseAsync(nameof(MigrationCompatibilityTests));
        var lastRelease = (await File.ReadAllTextAsync(Path.Combine(TestEnvironment.RepositoryRoot, "Grains", "Storage", "Migrations", "last-release.txt"))).Trim();
        var scripts = DatabaseMigrator.EmbeddedScripts();
        Assert.Contains(scripts, script => script.Name.StartsWith(lastRelease + "_", StringComparison.Ordinal));
        var migrator = new DatabaseMigrator(database.ConnectionString, NullLogger.Instance);

        await migrator.MigrateAsync(scripts.Where(script => string.CompareOrdinal(script.Name[..3], lastRelease) <= 0));
        var released = await ColumnsAsync(database);
        await migrator.MigrateAsync(scripts);
        var current = await ColumnsAsync(database);

        Assert.Empty(SchemaCompatibility.Breaks(released, current));
        Assert.NotEqual(released.Count, current.Count); // the check saw the new migrations' columns
    }

    private static async Task<IReadOnlyList<SchemaColumn>> ColumnsAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT table_name, column_name, data_type, is_nullable = 'YES', column_default IS NOT NULL OR is_identity = 'YES'
              FROM information_schema.columns
             WHERE table_schema = 'public'
             ORDER BY table_name, ordinal_position
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new List<SchemaColumn>();
        while (await reader.ReadAsync())
        {
            columns.Add(new SchemaColumn(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4)));
        }

        return columns;
    }
}
