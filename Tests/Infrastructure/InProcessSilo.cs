using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Planekeeper.Silo.Hosting;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>
/// A silo configured exactly as <c>Silo/Program.cs</c> configures it (ADO.NET clustering and reminders on
/// PostgreSQL), hosted in the test process so tests can reach its grain factory.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessSilo(IHost host, int siloPort)
    {
        _host = host;
        SiloPort = siloPort;
    }

    public int SiloPort { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's services, for a test that calls one directly (e.g. the notification router).</summary>
    public IServiceProvider Services => _host.Services;

    /// <param name="settings">Settings beyond the database's, as a silo process would read them from its environment.</param>
    public static async Task<InProcessSilo> StartAsync(
        TestDatabase database, Action<IServiceCollection>? configure = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(database.Environment!);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["DATA_PROTECTION_ALLOW_UNENCRYPTED"] = "true" });
        builder.Configuration.AddInMemoryCollection((settings ?? new Dictionary<string, string>())!);
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var endpoints = new SiloEndpointSettings(FreePort.Next(), FreePort.Next(), HealthPort: 0, IPAddress.Loopback);
        builder.AddPlanekeeperSilo(database.Settings, endpoints);
        builder.Services.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        configure?.Invoke(builder.Services);

        var host = builder.Build();
        await host.StartAsync();
        return new InProcessSilo(host, endpoints.SiloPort);
    }

    /// <summary>A graceful stop: the silo leaves the cluster and hands its grains over.</summary>
    public Task StopAsync() => _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
