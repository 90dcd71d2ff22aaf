using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Planekeeper.Grains.EarlyAccess;
using Planekeeper.Grains.Storage;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Storage;

/// <summary>The early-access schema is migrated on its own: the main migrations never touch it, and it touches nothing else.</summary>
public class EarlyAccessMigrationTests
{
    private static async Task<TestDatabase> FreshDatabaseAsync() =>
        await (await PostgresServer.Shared).CreateDatabaseAsync("earlyaccess");

    private static async Task<List<string>> NamesAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static Task<List<string>> RelationsAsync(TestDatabase database, string schema) => NamesAsync(
        database, $"SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{schema}' ORDER BY 1");

    private static Task<List<string>> SchemasAsync(TestDatabase database) =>
        NamesAsync(database, "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY 1");

    [Fact]
    public void Each_script_set_names_only_its_own_schema()
    {
        var main = DatabaseMigrator.EmbeddedScripts();
        var early = DatabaseMigrator.EmbeddedScripts(EarlyAccessMigrations.Set);

        Assert.NotEmpty(early);
        Assert.All(early, script => Assert.Matches(@"^\d{3}_[a-z0-9_]+\.sql$", script.Name));
        Assert.All(main, script => Assert.DoesNotContain("earlyaccess", script.Contents, StringComparison.OrdinalIgnoreCase));

        // Every table, index target and reference of an early-access script is qualified with earlyaccess.
        var objectNames = new Regex(@"\b(?:CREATE\s+TABLE|ON|REFERENCES|ALTER\s+TABLE|INSERT\s+INTO|UPDATE|FROM|JOIN)\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_][a-z0-9_.]*)", RegexOptions.IgnoreCase);
        foreach (var script in early)
        {
            var code = Regex.Replace(script.Contents, "--.*", "");
            var names = objectNames.Matches(code).Select(match => match.Groups[1].Value).ToList();
            Assert.NotEmpty(names);
            Assert.All(names, name => Assert.StartsWith("earlyaccess.", name));
        }
    }

    [Fact]
    public async Task The_main_migrations_leave_no_earlyaccess_schema_and_the_early_access_ones_touch_nothing_else()
    {
        var mainOnly = await FreshDatabaseAsync();
        await new DatabaseMigrator(mainOnly.ConnectionString, NullLogger.Instance).MigrateAsync();
        Assert.DoesNotContain("earlyaccess", await SchemasAsync(mainOnly));

        var earlyOnly = await FreshDatabaseAsync();
        var publicBefore = await RelationsAsync(earlyOnly, "public");
        var applied = await EarlyAccessMigrations.Migrator(earlyOnly.ConnectionString, NullLogger.Instance).MigrateAsync();
        Assert.Equal(DatabaseMigrator.EmbeddedScripts(EarlyAccessMigrations.Set).Select(script => script.Name), applied);
        Assert.Equal(publicBefore, await RelationsAsync(earlyOnly, "public"));
        Assert.Contains("waitlist_requests", await RelationsAsync(earlyOnly, "earlyaccess"));
        Assert.Contains("schema_migrations", await RelationsAsync(earlyOnly, "earlyaccess"));
    }

    [Fact]
    public async Task Each_journal_lists_only_its_own_scripts_and_each_runs_independently()
    {
        var database = await FreshDatabaseAsync();
        var mainNames = DatabaseMigrator.EmbeddedScripts().Select(script => script.Name).ToList();
        var earlyNames = DatabaseMigrator.EmbeddedScripts(EarlyAccessMigrations.Set).Select(script => script.Name).ToList();

        // Early access first, then the main schema: neither needs the other.
        Assert.Equal(earlyNames, await EarlyAccessMigrations.Migrator(database.ConnectionString, NullLogger.Instance).MigrateAsync());
        Assert.Equal(mainNames, await new DatabaseMigrator(database.ConnectionString, NullLogger.Instance).MigrateAsync());
        Assert.Empty(await EarlyAccessMigrations.Migrator(database.ConnectionString, NullLogger.Instance).MigrateAsync());
        Assert.Empty(await new DatabaseMigrator(database.ConnectionString, NullLogger.Instance).MigrateAsync());

        Assert.Equal(mainNames, await NamesAsync(database, "SELECT scriptname FROM public.schema_migrations ORDER BY scriptname"));
        Assert.Equal(earlyNames, await NamesAsync(database, "SELECT scriptname FROM earlyaccess.schema_migrations ORDER BY scriptname"));
        Assert.NotEqual(DatabaseMigrator.AdvisoryLockKey, EarlyAccessMigrations.AdvisoryLockKey);
    }
}
