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
public sealed class DatabaseMigrator(string connectionString, ILogger logger, MigrationSet? set = null)
{
    /// <summary>Arbitrary but fixed: the same key in every silo of every version.</summary>
    public const long AdvisoryLockKey = 0x506C_616E_656B_6565; // "Planekee"

    public const string JournalTable = "schema_migrations";

    /// <summary>The main schema's scripts, journal and lock.</summary>
    public static readonly MigrationSet Main = new("Planekeeper.Grains.Storage.Migrations.", "public", AdvisoryLockKey);

    private readonly MigrationSet _set = set ?? Main;

    public static IReadOnlyList<SqlScript> EmbeddedScripts() => EmbeddedScripts(Main);

    public static IReadOnlyList<SqlScript> EmbeddedScripts(MigrationSet set)
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(set.ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => new SqlScript(name[set.ResourcePrefix.Length..], ReadResource(assembly, name)))
            .ToList();
    }

    /// <returns>The names of the scripts this call applied (empty when the database was current).</returns>
    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default) =>
        MigrateAsync(EmbeddedScripts(_set), cancellationToken);

    public async Task<IReadOnlyList<string>> MigrateAsync(IEnumerable<SqlScript> scripts, CancellationToken cancellationToken = default)
    {
        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await ExecuteAsync(lockConnection, "SELECT pg_advisory_lock(@key)", cancellationToken);
        try
        {
            if (_set.JournalSchema != "public")
            {
                // DbUp creates the journal table before the first script runs, so its schema must exist first.
                await using var create = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS \"{_set.JournalSchema}\"", lockConnection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

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
            .JournalToPostgresqlTable(_set.JournalSchema, JournalTable)
            .LogTo(new DbUpLogger(logger))
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new MigrationFailedException(result.ErrorScript?.Name ?? "(unknown script)", result.Error);
        }

        return result.Scripts.Select(script => script.Name).ToList();
    }

    private async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", _set.LockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>
/// One independently migrated set of scripts: the embedded resources under <paramref name="ResourcePrefix"/>, journaled in
/// <c><paramref name="JournalSchema"/>.schema_migrations</c>, serialized by its own advisory lock (docs/operations.md).
/// </summary>
public sealed record MigrationSet(string ResourcePrefix, string JournalSchema, long LockKey);
