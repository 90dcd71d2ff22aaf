using Planekeeper.Configuration;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Silo.Hosting;

public static class DatabaseStartup
{
    /// <summary>
    /// Reads the database settings, proves they work, and brings the schema up to date before
    /// Orleans touches its tables. Throws <see cref="StartupConfigurationException"/> or
    /// <see cref="MigrationFailedException"/> with a one-line message.
    /// </summary>
    public static async Task<PostgresSettings> PrepareDatabaseAsync(this IHostApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        var database = PostgresSettings.FromConfiguration(builder.Configuration, "planekeeper-silo");
        await PostgresStartupCheck.VerifyAsync(database, cancellationToken);

        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
        var logger = loggerFactory.CreateLogger<DatabaseMigrator>();
        var applied = await new DatabaseMigrator(database.ConnectionString, logger).MigrateAsync(cancellationToken);
        foreach (var script in applied)
        {
            logger.LogInformation("Applied migration {Script}", script);
        }

        logger.LogInformation("Database {Database} at {Endpoint} is current", database.Database, database.Endpoint);
        return database;
    }
}
