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

    public string Endpoint => $"{Host}:{Port}";

    public static PostgresSettings FromConfiguration(IConfiguration configuration, string applicationName)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        return string.IsNullOrWhiteSpace(connectionString)
            ? FromPgVariables(configuration, applicationName)
            : FromConnectionString(connectionString, applicationName);
    }

    private static PostgresSettings FromConnectionString(string connectionString, string applicationName)
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
