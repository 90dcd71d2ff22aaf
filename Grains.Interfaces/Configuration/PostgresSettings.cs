using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Planekeeper.Configuration;

/// <summary>
/// Where the PostgreSQL database is, read the same way by every process that joins the cluster.
/// Either one connection string (<c>ConnectionStrings__Planekeeper</c>) or the <c>PG_*</c> settings.
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

    private static readonly string[] PoolSizeKeywords = ["maximum pool size", "max pool size", "maxpoolsize"];

    public string Endpoint => $"{Host}:{Port}";

    public static PostgresSettings FromConfiguration(IConfiguration configuration, string applicationName)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        return string.IsNullOrWhiteSpace(connectionString)
            ? FromPgVariables(configuration, applicationName)
            : FromConnectionString(connectionString, applicationName, ParsePoolSize(Value(configuration, "PG_MAX_POOL_SIZE")));
    }

    private static PostgresSettings FromConnectionString(string connectionString, string applicationName, int poolSize)
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
        if (!NamesPoolSize(connectionString))
        {
            builder.MaxPoolSize = poolSize;
        }

        return Complete(builder, applicationName, names);
    }

    private static PostgresSettings FromPgVariables(IConfiguration configuration, string applicationName)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = Value(configuration, "PG_HOST") ?? "localhost",
            Port = ParsePort(Value(configuration, "PG_PORT")),
            Username = Value(configuration, "PG_USER")
                ?? throw new StartupConfigurationException("PG_USER is not set: name the PostgreSQL user to connect as (or set ConnectionStrings__Planekeeper)"),
            Password = Value(configuration, "PG_PASSWORD"),
            Database = Value(configuration, "PG_DBNAME")
                ?? throw new StartupConfigurationException("PG_DBNAME is not set: name the PostgreSQL database (or set ConnectionStrings__Planekeeper)"),
            SslMode = ParseSslMode(Value(configuration, "PG_SSLMODE")),
            MaxPoolSize = ParsePoolSize(Value(configuration, "PG_MAX_POOL_SIZE")),
            Timeout = ConnectTimeoutSeconds,
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

    private static int ParsePort(string? value)
    {
        if (value is null)
        {
            return 5432;
        }

        return int.TryParse(value, out var port) && port is > 0 and <= 65535
            ? port
            : throw new StartupConfigurationException($"PG_PORT must be a port number from 1 to 65535, got '{value}'");
    }

    private static int ParsePoolSize(string? value)
    {
        if (value is null)
        {
            return DefaultMaxPoolSize;
        }

        return int.TryParse(value, out var size) && size is >= 2 and <= 1000
            ? size
            : throw new StartupConfigurationException($"PG_MAX_POOL_SIZE must be a number of connections from 2 to 1000, got '{value}'");
    }

    /// <summary>Whether the connection string sets the pool size itself (it then wins over PG_MAX_POOL_SIZE).</summary>
    private static bool NamesPoolSize(string connectionString)
    {
        var raw = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return raw.Keys.Cast<string>().Any(key => PoolSizeKeywords.Contains(key, StringComparer.OrdinalIgnoreCase));
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
