using Npgsql;
using Planekeeper.Configuration;
using Planekeeper.Grains.Access;
using Planekeeper.Grains.Access.Policy;
using Planekeeper.Grains.EarlyAccess;
using Planekeeper.Grains.Identity;
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

        // The early-access schema has its own scripts, journal and lock; it is migrated after the main schema and
        // independently of it (docs/operations.md, "Early access").
        foreach (var script in await EarlyAccessMigrations.Migrator(database.ConnectionString, logger).MigrateAsync(cancellationToken))
        {
            logger.LogInformation("Applied early-access migration {Script}", script);
        }

        logger.LogInformation("Database {Database} at {Endpoint} is current", database.Database, database.Endpoint);

        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new AccessStore(dataSource).SeedBuiltInRulesAsync(BuiltInRoles.Rules, cancellationToken);
        await EnsureFirstAdminAsync(builder.Configuration, dataSource, cancellationToken);
        return database;
    }

    /// <summary>Creates the first global admin on an empty database; a generated password is printed once.</summary>
    private static async Task EnsureFirstAdminAsync(IConfiguration configuration, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var created = await new FirstAdminBootstrap(dataSource).EnsureAsync(
            configuration["PLANEKEEPER_ADMIN_EMAIL"], configuration["PLANEKEEPER_ADMIN_PASSWORD"], cancellationToken);
        if (created is { } admin)
        {
            Console.WriteLine(admin.GeneratedPassword is null
                ? $"planekeeper-silo: created the first global admin {admin.Email} with the password from PLANEKEEPER_ADMIN_PASSWORD"
                : $"planekeeper-silo: created the first global admin {admin.Email} with the generated password {admin.GeneratedPassword} (shown once; change it after signing in)");
        }
    }
}
