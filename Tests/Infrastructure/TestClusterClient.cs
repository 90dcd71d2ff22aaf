using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Planekeeper.WebFrontend.Hosting;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>
/// An Orleans client in the test process, configured exactly as the frontend's (<c>AddPlanekeeperClusterClient</c>),
/// so a test can call grains as the frontend does — and as anything else holding a client could.
/// </summary>
public sealed class TestClusterClient : IAsyncDisposable
{
    private readonly IHost _host;

    private TestClusterClient(IHost host) => _host = host;

    public IClusterClient Grains => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<TestClusterClient> ConnectAsync(TestDatabase database)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(database.Environment!);
        builder.AddPlanekeeperClusterClient(database.Settings);
        var host = builder.Build();
        await host.StartAsync();
        return new TestClusterClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
