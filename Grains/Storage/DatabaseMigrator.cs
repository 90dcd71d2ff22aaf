using System.Reflection;
using DbUp;
using DbUp.Engine;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Planekeeper.Grains.Storage;

/// <summary>
/// Applies the numbered SQL scripts embedded under <c>Storage/Migrations</c>, each once, in order.
/// Runs under a PostgreSQL advisory lock so silos that start together migrate one after the other:
/// the second finds the journal complete and applies nothing.
/// </summary>
public sealed class DatabaseMigrator(string connectionString, ILogger logger)
{
    /// <summary>Arbitrary but fixed: the same key in every silo of every version.</summary>
    public const long AdvisoryLockKey = 0x506C_616E_656B_6565; // "Planekee"

    public const string JournalTable = "schema_migrations";

    private const string ResourcePrefix = "Planekeeper.Grains.Storage.Migrations.";

    public static IReadOnlyList<SqlScript> EmbeddedScripts()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => new SqlScript(name[ResourcePrefix.Length..], ReadResource(assembly, name)))
            .ToList();
    }

    /// <returns>The names of the scripts this call applied (empty when the database was current).</returns>
    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default) =>
        MigrateAsync(EmbeddedScripts(), cancellationToken);

    public async Task<IReadOnlyList<string>> MigrateAsync(IEnumerable<SqlScript> scripts, CancellationToken cancellationToken = default)
    {
        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await ExecuteAsync(lockConnection, "SELECT pg_advisory_lock(@key)", cancellationToken);
        try
        {
            return Upgrade(scripts);
        }
        finally
        {
            await ExecuteAsync(lockConnection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
        }
    }

    private IReadOnlyList<string> Upgrade(IEnumerable<SqlScript> scripts)
    {
        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScripts(scripts)
            .WithVariablesDisabled()
            .WithTransactionPerScript()
            .JournalToPostgresqlTable("public", JournalTable)
            .LogTo(new DbUpLogger(logger))
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new MigrationFailedException(result.ErrorScript?.Name ?? "(unknown script)", result.Error);
        }

        return result.Scripts.Select(script => script.Name).ToList();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", AdvisoryLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
