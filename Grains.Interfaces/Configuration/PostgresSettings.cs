using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Planekeeper.Configuration;

/// <summary>
/// Where the PostgreSQL database is, read the same way by every process that joins the cluster.
/// Either one connection string (<c>ConnectionStrings__Planekeeper</c>) or the <c>PG_*</c> settings; either may name
/// several hosts (<see cref="PostgresHosts"/>).
/// </summary>
public sealed record PostgresSettings(string ConnectionString, string Host, int Port, string Database, string User, PostgresSettingNames Names)
{
    public const string ConnectionStringName = "Planekeeper";

    /// <summary>The ADO.NET invariant the Orleans providers use for Npgsql.</summary>
    public const string AdoNetInvariant = "Npgsql";

    private const int ConnectTimeoutSeconds = 5;

    /// <summary>
    /// Connections one process's pool may open (<c>PG_MAX_POOL_SIZE</c>). Npgsql's own default (100) equals
    /// PostgreSQL's default <c>max_connections</c>, so one busy silo could take them all and the next connection of any
    /// process would be refused ("too many clients"); a smaller pool makes a burst wait for a connection instead.
    /// </summary>
    public const int DefaultMaxPoolSize = 40;

    /// <summary>
    /// Statements each connection of a silo's grain pool prepares (<c>PG_MAX_AUTO_PREPARE</c>, Npgsql's automatic
    /// preparation): a statement sent often is parsed and planned once per connection instead of on every call, which
    /// halved PostgreSQL's CPU per alert (bench/README.md, "NotificationLatency"). 0 turns it off, as a PgBouncer in
    /// transaction mode older than 1.21 needs.
    /// </summary>
    public const int DefaultMaxAutoPrepare = 64;

    private static readonly string[] PoolSizeKeywords = ["maximum pool size", "max pool size", "maxpoolsize"];

    private static readonly string[] AutoPrepareKeywords = ["max auto prepare", "maxautoprepare"];

    private static readonly string[] TargetSessionAttributesKeywords = ["target session attributes", "targetsessionattributes"];

    /// <summary>Every server with its port: <c>db:5432</c>, or <c>a:5432,b:5433</c> for several.</summary>
    public string Endpoint => PostgresHosts.Endpoints(Host, Port);

    /// <summary>Statements each connection of the grains' pool prepares (<see cref="DefaultMaxAutoPrepare"/>).</summary>
    public int MaxAutoPrepare { get; init; } = DefaultMaxAutoPrepare;

    /// <summary>
    /// The connection string of the silo's own pool, the grains' statements: <see cref="ConnectionString"/> with
    /// <see cref="MaxAutoPrepare"/>, and without the reset Npgsql sends on a connection's next use after it went back
    /// to the pool (six statements: <c>SET SESSION AUTHORIZATION DEFAULT</c>, <c>RESET ALL</c>, …). The grains set no
    /// session state (no <c>SET</c>, <c>LISTEN</c>, advisory lock or temporary table), and Npgsql rolls back a
    /// transaction left open whatever this setting (docs/configuration.md, "Database"). Orleans' providers and the
    /// migrations keep the plain one.
    /// </summary>
    public string GrainConnectionString => new NpgsqlConnectionStringBuilder(ConnectionString) { MaxAutoPrepare = MaxAutoPrepare, NoResetOnClose = true }.ConnectionString;

    public static PostgresSettings FromConfiguration(IConfiguration configuration, string applicationName)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        var autoPrepare = ParseMaxAutoPrepare(Value(configuration, "PG_MAX_AUTO_PREPARE"));
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return FromPgVariables(configuration, applicationName) with { MaxAutoPrepare = autoPrepare };
        }

        var settings = FromConnectionString(
            connectionString,
            applicationName,
            ParsePoolSize(Value(configuration, "PG_MAX_POOL_SIZE")),
            ParseTargetSessionAttributes(Value(configuration, "PG_TARGET_SESSION_ATTRIBUTES")));
        return settings with
        {
            MaxAutoPrepare = SetsItself(connectionString, AutoPrepareKeywords) ? new NpgsqlConnectionStringBuilder(connectionString).MaxAutoPrepare : autoPrepare,
        };
    }

    private static PostgresSettings FromConnectionString(string connectionString, string applicationName, int poolSize, string? targetSessionAttributes)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StartupConfigurationException($"ConnectionStrings__{ConnectionStringName} is not a valid PostgreSQL connection string: {e.Message}");
        }

        var names = PostgresSettingNames.ForConnectionString;
        Require(builder.Host, $"ConnectionStrings__{ConnectionStringName} has no Host");
        Require(builder.Database, $"ConnectionStrings__{ConnectionStringName} has no Database");
        Require(builder.Username, $"ConnectionStrings__{ConnectionStringName} has no Username");
        if (!SetsItself(connectionString, PoolSizeKeywords))
        {
            builder.MaxPoolSize = poolSize;
        }

        if (!SetsItself(connectionString, TargetSessionAttributesKeywords))
        {
            builder.TargetSessionAttributes = targetSessionAttributes ?? DefaultTargetSessionAttributes(builder.Host!);
        }

        return Complete(builder, applicationName, names);
    }

    private static PostgresSettings FromPgVariables(IConfiguration configuration, string applicationName)
    {
        var host = ParseHost(Value(configuration, "PG_HOST"));
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = host,
            Port = ParsePort(Value(configuration, "PG_PORT")),
            Username = Value(configuration, "PG_USER")
                ?? throw new StartupConfigurationException("PG_USER is not set: name the PostgreSQL user to connect as (or set ConnectionStrings__Planekeeper)"),
            Password = Value(configuration, "PG_PASSWORD"),
            Database = Value(configuration, "PG_DBNAME")
                ?? throw new StartupConfigurationException("PG_DBNAME is not set: name the PostgreSQL database (or set ConnectionStrings__Planekeeper)"),
            SslMode = ParseSslMode(Value(configuration, "PG_SSLMODE")),
            MaxPoolSize = ParsePoolSize(Value(configuration, "PG_MAX_POOL_SIZE")),
            Timeout = ConnectTimeoutSeconds,
            TargetSessionAttributes = ParseTargetSessionAttributes(Value(configuration, "PG_TARGET_SESSION_ATTRIBUTES"))
                ?? DefaultTargetSessionAttributes(host),
        };
        return Complete(builder, applicationName, PostgresSettingNames.ForPgVariables);
    }

    private static PostgresSettings Complete(NpgsqlConnectionStringBuilder builder, string applicationName, PostgresSettingNames names)
    {
        builder.ApplicationName ??= applicationName;
        return new PostgresSettings(builder.ConnectionString, builder.Host!, builder.Port, builder.Database!, builder.Username!, names);
    }

    private static string? Value(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static string ParseHost(string? value)
    {
        if (value is null)
        {
            return "localhost";
        }

        return PostgresHosts.Problem(value) is { } problem
            ? throw new StartupConfigurationException($"PG_HOST must be a host or a comma-separated list of hosts, each with an optional :port; {problem}, got '{value}'")
            : string.Join(',', PostgresHosts.Split(value));
    }

    private static string? DefaultTargetSessionAttributes(string hosts) =>
        PostgresHosts.AreSeveral(hosts) ? PostgresHosts.MultiHostDefaultTargetSessionAttributes : null;

    private static string? ParseTargetSessionAttributes(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var normalized = value.ToLowerInvariant();
        return PostgresHosts.TargetSessionAttributes.Contains(normalized)
            ? normalized
            : throw new StartupConfigurationException(
                $"PG_TARGET_SESSION_ATTRIBUTES must be one of {string.Join(", ", PostgresHosts.TargetSessionAttributes)}, got '{value}'");
    }

    private static int ParsePort(string? value) =>
        ParseNumber(value, 5432, 1, 65535, "PG_PORT must be a port number from 1 to 65535");

    private static int ParsePoolSize(string? value) =>
        ParseNumber(value, DefaultMaxPoolSize, 2, 1000, "PG_MAX_POOL_SIZE must be a number of connections from 2 to 1000");

    private static int ParseMaxAutoPrepare(string? value) =>
        ParseNumber(value, DefaultMaxAutoPrepare, 0, 1000, "PG_MAX_AUTO_PREPARE must be a number of statements from 0 (off) to 1000");

    /// <summary>The setting's whole number within [<paramref name="min"/>, <paramref name="max"/>], its default when unset.</summary>
    private static int ParseNumber(string? value, int unset, int min, int max, string rule)
    {
        if (value is null)
        {
            return unset;
        }

        return int.TryParse(value, out var number) && number >= min && number <= max
            ? number
            : throw new StartupConfigurationException($"{rule}, got '{value}'");
    }

    /// <summary>Whether the connection string sets this itself (it then wins over the <c>PG_*</c> setting).</summary>
    private static bool SetsItself(string connectionString, string[] keywords)
    {
        var raw = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return raw.Keys.Cast<string>().Any(key => keywords.Contains(key, StringComparer.OrdinalIgnoreCase));
    }

    private static SslMode ParseSslMode(string? value)
    {
        if (value is null)
        {
            return SslMode.Prefer;
        }

        return Enum.TryParse<SslMode>(value.Replace("-", ""), ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw new StartupConfigurationException($"PG_SSLMODE must be one of disable, allow, prefer, require, verify-ca, verify-full, got '{value}'");
    }

    private static void Require(string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new StartupConfigurationException(message);
        }
    }
}
