using Microsoft.Extensions.Logging;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.EarlyAccess;

/// <summary>
/// The early-access schema's own migrations: the scripts embedded under <c>EarlyAccess/Migrations</c>, journaled in
/// <c>earlyaccess.schema_migrations</c> under their own advisory lock, applied by the silo after the main schema's and
/// independently of it (docs/operations.md, "Early access").
/// </summary>
public static class EarlyAccessMigrations
{
    public const string Schema = "earlyaccess";

    /// <summary>Arbitrary but fixed, and not the main migrator's: "EarlyAcc".</summary>
    public const long AdvisoryLockKey = 0x4561_726C_7941_6363;

    public static readonly MigrationSet Set = new("Planekeeper.Grains.EarlyAccess.Migrations.", Schema, AdvisoryLockKey);

    public static DatabaseMigrator Migrator(string connectionString, ILogger logger) => new(connectionString, logger, Set);
}
