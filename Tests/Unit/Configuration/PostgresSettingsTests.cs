using Microsoft.Extensions.Configuration;
using Npgsql;
using Planekeeper.Configuration;

namespace Planekeeper.Tests.Unit.Configuration;

public class PostgresSettingsTests
{
    private static PostgresSettings Read(params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
        return PostgresSettings.FromConfiguration(configuration, "test");
    }

    [Fact]
    public void Pg_variables_build_the_connection_string_with_the_spec_defaults()
    {
        var settings = Read(("PG_USER", "pk"), ("PG_PASSWORD", "p;w=d"), ("PG_DBNAME", "planekeeper"));

        var built = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        Assert.Equal("localhost", built.Host);
        Assert.Equal(5432, built.Port);
        Assert.Equal("pk", built.Username);
        Assert.Equal("p;w=d", built.Password);
        Assert.Equal("planekeeper", built.Database);
        Assert.Equal(SslMode.Prefer, built.SslMode);
        Assert.Equal("localhost:5432", settings.Endpoint);
    }

    [Theory]
    [InlineData("verify-full", SslMode.VerifyFull)]
    [InlineData("disable", SslMode.Disable)]
    [InlineData("REQUIRE", SslMode.Require)]
    public void Ssl_mode_accepts_the_libpq_spellings(string value, SslMode expected)
    {
        var settings = Read(("PG_USER", "pk"), ("PG_DBNAME", "db"), ("PG_SSLMODE", value));

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(settings.ConnectionString).SslMode);
    }

    [Theory]
    [InlineData("PG_USER", "PG_DBNAME", "db")]
    [InlineData("PG_DBNAME", "PG_USER", "pk")]
    public void A_missing_required_setting_is_named(string missing, string presentKey, string presentValue)
    {
        var error = Assert.Throws<StartupConfigurationException>(() => Read((presentKey, presentValue)));

        Assert.StartsWith($"{missing} is not set", error.Message);
    }

    [Theory]
    [InlineData("PG_PORT", "abc")]
    [InlineData("PG_PORT", "70000")]
    [InlineData("PG_SSLMODE", "sometimes")]
    [InlineData("PG_MAX_POOL_SIZE", "1")]
    [InlineData("PG_MAX_POOL_SIZE", "many")]
    public void A_malformed_setting_is_named_with_its_value(string key, string value)
    {
        var error = Assert.Throws<StartupConfigurationException>(() => Read(("PG_USER", "pk"), ("PG_DBNAME", "db"), (key, value)));

        Assert.StartsWith(key, error.Message);
        Assert.Contains($"'{value}'", error.Message);
    }

    [Fact]
    public void The_pool_stays_below_postgresql_default_max_connections_unless_told_otherwise()
    {
        Assert.Equal(PostgresSettings.DefaultMaxPoolSize, Pool(Read(("PG_USER", "pk"), ("PG_DBNAME", "db"))));
        Assert.Equal(12, Pool(Read(("PG_USER", "pk"), ("PG_DBNAME", "db"), ("PG_MAX_POOL_SIZE", "12"))));
        Assert.Equal(PostgresSettings.DefaultMaxPoolSize, Pool(Read(("ConnectionStrings:Planekeeper", "Host=db;Username=app;Database=pk"))));
        Assert.Equal(12, Pool(Read(("ConnectionStrings:Planekeeper", "Host=db;Username=app;Database=pk"), ("PG_MAX_POOL_SIZE", "12"))));
        Assert.Equal(7, Pool(Read(("ConnectionStrings:Planekeeper", "Host=db;Username=app;Database=pk;Maximum Pool Size=7"), ("PG_MAX_POOL_SIZE", "12"))));
        Assert.Equal(9, Pool(Read(("ConnectionStrings:Planekeeper", "Host=db;Username=app;Database=pk;maxpoolsize=9"))));

        static int Pool(PostgresSettings settings) => new NpgsqlConnectionStringBuilder(settings.ConnectionString).MaxPoolSize;
    }

    [Fact]
    public void The_grains_pool_prepares_statements_it_sends_often_unless_told_otherwise_and_the_plain_connection_string_does_not()
    {
        var settings = Read(("PG_USER", "pk"), ("PG_DBNAME", "db"));
        Assert.Equal(PostgresSettings.DefaultMaxAutoPrepare, Prepared(settings.GrainConnectionString));
        Assert.Equal(0, Prepared(settings.ConnectionString));
        Assert.Equal(0, Prepared(Read(("PG_USER", "pk"), ("PG_DBNAME", "db"), ("PG_MAX_AUTO_PREPARE", "0")).GrainConnectionString));
        Assert.Equal(20, Prepared(Read(("ConnectionStrings:Planekeeper", "Host=db;Username=app;Database=pk"), ("PG_MAX_AUTO_PREPARE", "20")).GrainConnectionString));
        Assert.Equal(0, Prepared(Read(("ConnectionStrings:Planekeeper", "Host=db;Username=app;Database=pk;Max Auto Prepare=0"), ("PG_MAX_AUTO_PREPARE", "20")).GrainConnectionString));
        var error = Assert.Throws<StartupConfigurationException>(() => Read(("PG_USER", "pk"), ("PG_DBNAME", "db"), ("PG_MAX_AUTO_PREPARE", "-1")));
        Assert.StartsWith("PG_MAX_AUTO_PREPARE", error.Message);

        static int Prepared(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).MaxAutoPrepare;
    }

    [Fact]
    public void The_grains_pool_does_not_reset_a_connection_it_takes_back_and_the_plain_connection_string_does()
    {
        Assert.True(NoReset(Read(("PG_USER", "pk"), ("PG_DBNAME", "db")).GrainConnectionString));
        Assert.True(NoReset(Read(("ConnectionStrings:Planekeeper", "Host=db;Username=app;Database=pk")).GrainConnectionString));
        Assert.False(NoReset(Read(("PG_USER", "pk"), ("PG_DBNAME", "db")).ConnectionString));

        static bool NoReset(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).NoResetOnClose;
    }

    [Fact]
    public void One_connection_string_replaces_the_pg_variables()
    {
        var settings = Read(("ConnectionStrings:Planekeeper", "Host=db.internal;Port=6432;Username=app;Database=pk"), ("PG_USER", "ignored"));

        Assert.Equal("db.internal:6432", settings.Endpoint);
        Assert.Equal("app", settings.User);
        Assert.Same(PostgresSettingNames.ForConnectionString, settings.Names);
    }

    [Fact]
    public void A_connection_string_without_a_database_is_refused()
    {
        var error = Assert.Throws<StartupConfigurationException>(() => Read(("ConnectionStrings:Planekeeper", "Host=db;Username=app")));

        Assert.Equal("ConnectionStrings__Planekeeper has no Database", error.Message);
    }

    [Fact]
    public void Failures_name_the_settings_to_check()
    {
        var settings = Read(("PG_HOST", "db.example"), ("PG_USER", "pk"), ("PG_DBNAME", "db"));

        var unreachable = PostgresStartupCheck.Describe(settings, new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111)));

        Assert.StartsWith("cannot reach PostgreSQL at db.example:5432 (PG_HOST / PG_PORT)", unreachable);
    }

    [Fact]
    public void Several_hosts_ask_for_the_primary_and_keep_their_own_ports()
    {
        var settings = Read(("PG_HOST", "db-a, db-b:5433"), ("PG_PORT", "6432"), ("PG_USER", "pk"), ("PG_DBNAME", "db"));

        var built = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        Assert.Equal("db-a,db-b:5433", built.Host);
        Assert.Equal(6432, built.Port);
        Assert.Equal("primary", built.TargetSessionAttributes);
        Assert.Equal("db-a:6432,db-b:5433", settings.Endpoint);
    }

    [Fact]
    public void One_host_keeps_npgsql_default_session_unless_told()
    {
        Assert.Null(Target(Read(("PG_HOST", "db"), ("PG_USER", "pk"), ("PG_DBNAME", "db"))));
        Assert.Equal("prefer-standby", Target(Read(("PG_HOST", "a,b"), ("PG_USER", "pk"), ("PG_DBNAME", "db"), ("PG_TARGET_SESSION_ATTRIBUTES", "Prefer-Standby"))));
        Assert.Equal("read-write", Target(Read(("PG_HOST", "db"), ("PG_USER", "pk"), ("PG_DBNAME", "db"), ("PG_TARGET_SESSION_ATTRIBUTES", "read-write"))));
    }

    [Fact]
    public void A_multi_host_connection_string_is_accepted_and_asks_for_the_primary_unless_it_says_otherwise()
    {
        var defaulted = Read(("ConnectionStrings:Planekeeper", "Host=a,b:5433;Username=app;Database=pk"));
        var named = Read(("ConnectionStrings:Planekeeper", "Host=a,b;Username=app;Database=pk;Target Session Attributes=prefer-primary"), ("PG_TARGET_SESSION_ATTRIBUTES", "any"));
        var told = Read(("ConnectionStrings:Planekeeper", "Host=a,b;Username=app;Database=pk"), ("PG_TARGET_SESSION_ATTRIBUTES", "read-write"));

        Assert.Equal("primary", Target(defaulted));
        Assert.Equal("a:5432,b:5433", defaulted.Endpoint);
        Assert.Equal("prefer-primary", Target(named));
        Assert.Equal("read-write", Target(told));
    }

    [Theory]
    [InlineData("PG_HOST", "a,b:x")]
    [InlineData("PG_HOST", "a:0")]
    [InlineData("PG_HOST", "::1")]
    [InlineData("PG_HOST", ",")]
    [InlineData("PG_TARGET_SESSION_ATTRIBUTES", "master")]
    public void A_malformed_multi_host_setting_is_named_with_its_value(string key, string value)
    {
        var error = Assert.Throws<StartupConfigurationException>(() => Read(("PG_USER", "pk"), ("PG_DBNAME", "db"), (key, value)));

        Assert.StartsWith(key, error.Message);
        Assert.Contains($"'{value}'", error.Message);
    }

    [Fact]
    public void Bracketed_ipv6_hosts_are_accepted()
    {
        var settings = Read(("PG_HOST", "[::1]:5433,[fe80::1]"), ("PG_USER", "pk"), ("PG_DBNAME", "db"));

        Assert.Equal("[::1]:5433,[fe80::1]:5432", settings.Endpoint);
    }

    private static string? Target(PostgresSettings settings) => new NpgsqlConnectionStringBuilder(settings.ConnectionString).TargetSessionAttributes;
}
