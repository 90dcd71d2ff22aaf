using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Planekeeper.Configuration;
using Planekeeper.Silo.Hosting;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// A silo hosted in the benchmark process, started as <c>Silo/Program.cs</c> starts one: the database is prepared
/// (migrations, built-in roles, first admin), then <c>AddPlanekeeperSilo</c>. Its gateway is on loopback so that the
/// WebFrontend process can join as a client.
/// </summary>
public sealed class PlanekeeperSilo : IAsyncDisposable
{
    /// <summary>
    /// The engine's periodic sweep reloads every job of the organization; with the huge queues seeded here it would
    /// land in a later measurement, so it is pushed past the run (it is a safety net, not part of a claim or completion).
    /// </summary>
    public const string SweepInterval = "1h";

    /// <summary>
    /// Agents heartbeat once, before their figure; at the default interval (15 s, offline after 45 s) the agents of an
    /// earlier figure would go offline during a later one and hand their tasks back meanwhile.
    /// </summary>
    public const string HeartbeatInterval = "10m";

    /// <summary>The <c>Application Name</c> of the silo's connections (<c>DatabaseStartup</c> names them so).</summary>
    public const string ApplicationName = "planekeeper-silo";

    private readonly IHost _host;

    private PlanekeeperSilo(IHost host)
    {
        _host = host;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's services, for a benchmark that times what a grain's store does (Scale: the sweep's read).</summary>
    public IServiceProvider Services => _host.Services;

    /// <param name="extra">Settings a benchmark adds (e.g. NOTIFICATION_ALLOW_PRIVATE_URLS for a receiver on loopback).</param>
    /// <param name="services">Services or options a benchmark changes (e.g. Scale's shorter collection age of idle engines).</param>
    public static async Task<PlanekeeperSilo> StartAsync(
        BenchDatabase database, IReadOnlyDictionary<string, string>? extra = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = database.Environment.ToDictionary(pair => pair.Key, pair => (string?)pair.Value);
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["DATA_PROTECTION_ALLOW_UNENCRYPTED"] = "true";
        settings["TASK_SWEEP_INTERVAL"] = SweepInterval;
        settings["AGENT_HEARTBEAT_INTERVAL"] = HeartbeatInterval;
        settings["PLANEKEEPER_ADMIN_EMAIL"] = "bench-admin@example.com";
        settings["PLANEKEEPER_ADMIN_PASSWORD"] = $"bench-{Guid.NewGuid():N}";
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        // Warnings and errors go to standard error, so that the report on standard output stays readable.
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);

        // PrepareDatabaseAsync announces the first admin it creates on standard output; keep that out of the report.
        var output = Console.Out;
        Console.SetOut(TextWriter.Null);
        PostgresSettings postgres;
        try
        {
            postgres = await builder.PrepareDatabaseAsync();
        }
        finally
        {
            Console.SetOut(output);
        }

        builder.AddPlanekeeperSilo(postgres, new SiloEndpointSettings(BenchEnvironment.FreePort(), BenchEnvironment.FreePort(), HealthPort: 0, IPAddress.Loopback));
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new PlanekeeperSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
