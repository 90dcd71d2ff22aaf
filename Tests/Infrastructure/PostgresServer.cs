using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Planekeeper.Configuration;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL cluster started with the project's own <c>deploy/dev/postgres.sh</c>:
/// one shared by the whole test run (<see cref="Shared"/>), or a dedicated one a test may stop.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>
    /// The shared server's <c>max_connections</c>. Test classes run side by side, each with silos and frontends whose
    /// pools may hold up to <c>PG_MAX_POOL_SIZE</c> connections, and the test process keeps idle pooled connections
    /// to every test database for minutes: PostgreSQL's default (100) was exhausted on a machine with more cores.
    /// </summary>
    private const int SharedMaxConnections = 500;

    private const int DedicatedMaxConnections = 100;

    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(() => StartSharedAsync());

    private readonly string _dataDirectory;
    private readonly Dictionary<string, string> _settings;

    private readonly int _maxConnections;

    private PostgresServer(string dataDirectory, int port, int maxConnections, Dictionary<string, string> settings)
    {
        _dataDirectory = dataDirectory;
        Port = port;
        _maxConnections = maxConnections;
        _settings = settings;
    }

    public int Port { get; }

    public string Password => _settings["PG_PASSWORD"];

    public string User => _settings["PG_USER"];

    public static Task<PostgresServer> Shared => SharedServer.Value;

    public static async Task<PostgresServer> StartAsync(string name, int maxConnections = DedicatedMaxConnections)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"planekeeper-tests-{Environment.ProcessId}", name);
        var port = FreePort.Next();
        var output = await RunScriptAsync("start", dataDirectory, port, maxConnections);
        var settings = output.Split('\n')
            .Where(line => line.StartsWith("export ", StringComparison.Ordinal))
            .Select(line => line["export ".Length..].Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
        return new PostgresServer(dataDirectory, port, maxConnections, settings);
    }

    /// <summary>A new, empty database on this server.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(string purpose)
    {
        var name = $"{purpose.ToLowerInvariant()[..Math.Min(purpose.Length, 24)]}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new TestDatabase(this, name);
    }

    public Dictionary<string, string> EnvironmentFor(string database) => new(_settings) { ["PG_DBNAME"] = database };

    public string ConnectionString(string database) => Settings(database).ConnectionString;

    public PostgresSettings Settings(string database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(EnvironmentFor(database)!).Build();
        return PostgresSettings.FromConfiguration(configuration, "planekeeper-tests");
    }

    public Task StopAsync() => RunScriptAsync("stop", _dataDirectory, Port, _maxConnections);

    public Task RestartAsync() => RunScriptAsync("start", _dataDirectory, Port, _maxConnections);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static async Task<PostgresServer> StartSharedAsync()
    {
        var server = await StartAsync("shared", SharedMaxConnections);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    private static async Task<string> RunScriptAsync(string command, string dataDirectory, int port, int maxConnections)
    {
        var start = new ProcessStartInfo("bash", [TestEnvironment.PostgresScript, command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["PLANEKEEPER_PG_DATA"] = dataDirectory,
                ["PLANEKEEPER_PG_PORT"] = port.ToString(),
                ["PLANEKEEPER_PG_MAX_CONNECTIONS"] = maxConnections.ToString(),
            },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"postgres.sh {command} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }
}
