using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Planekeeper.Configuration;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// A fresh database for one benchmark run on the private PostgreSQL of <c>deploy/dev/postgres.sh</c> (started if it
/// is not running, and stopped again at the end in that case). Dropped at the end.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly Dictionary<string, string> _server;
    private readonly bool _startedServer;

    private BenchDatabase(Dictionary<string, string> server, string name, bool startedServer)
    {
        _server = server;
        Name = name;
        _startedServer = startedServer;
        Settings = SettingsFor(name);
        DataSource = NpgsqlDataSource.Create(Settings.ConnectionString);
    }

    public string Name { get; }

    public PostgresSettings Settings { get; }

    /// <summary>The benchmark's own few connections (seeding, counters), apart from the silo's.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The <c>PG_*</c> variables a Planekeeper process needs to use this database.</summary>
    public Dictionary<string, string> Environment => new(_server) { ["PG_DBNAME"] = Name };

    public static async Task<BenchDatabase> CreateAsync()
    {
        var wasRunning = (await RunScriptAsync("status", mustSucceed: false)).ExitCode == 0;
        var output = (await RunScriptAsync("start")).Stdout;
        var server = output.Split('\n')
            .Where(line => line.StartsWith("export ", StringComparison.Ordinal))
            .Select(line => line["export ".Length..].Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
        var name = $"planekeeper_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
        var database = new BenchDatabase(server, name, startedServer: !wasRunning);
        await using var connection = new NpgsqlConnection(database.SettingsFor("postgres").ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return database;
    }

    /// <summary>
    /// Connections of their own for a baseline's workers, closed when it is disposed: the server allows only so many
    /// (100 by default) and the silo needs its share afterwards.
    /// </summary>
    public NpgsqlDataSource CreateDataSource(int connections) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(Settings.ConnectionString) { MaxPoolSize = connections }.ConnectionString);

    /// <summary>The server's postmaster, the parent of every backend (Linux only; null elsewhere).</summary>
    public async Task<int?> PostmasterProcessIdAsync()
    {
        var backend = await ScalarAsync<int>("SELECT pg_backend_pid()");
        var stat = $"/proc/{backend}/stat";
        if (!File.Exists(stat))
        {
            return null;
        }

        var text = await File.ReadAllTextAsync(stat);
        return int.Parse(text[(text.LastIndexOf(')') + 2)..].Split(' ')[1]);
    }

    public async Task<string> ServerVersionAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return connection.PostgreSqlVersion.ToString();
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.CommandTimeout = 300;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The next transaction id the server will assign. Only writing transactions take one, so the difference between
    /// two readings counts the write transactions committed (or aborted) in between, in every database of the server.
    /// </summary>
    public Task<long> NextTransactionIdAsync() => ScalarAsync<long>("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint");

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(SettingsFor("postgres").ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (_startedServer)
        {
            await RunScriptAsync("stop");
        }
    }

    private PostgresSettings SettingsFor(string database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(_server.Select(
            pair => KeyValuePair.Create(pair.Key, (string?)pair.Value))) { ["PG_DBNAME"] = database }).Build();
        return PostgresSettings.FromConfiguration(configuration, "planekeeper-bench");
    }

    private static async Task<(int ExitCode, string Stdout)> RunScriptAsync(string command, bool mustSucceed = true)
    {
        var start = new ProcessStartInfo("bash", [BenchEnvironment.PostgresScript, command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (mustSucceed && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"postgres.sh {command} failed ({process.ExitCode}): {await stderr}");
        }

        return (process.ExitCode, await stdout);
    }
}
