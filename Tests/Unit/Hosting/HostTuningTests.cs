using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Planekeeper.Configuration;
using Planekeeper.Silo.Hosting;

namespace Planekeeper.Tests.Unit.Hosting;

/// <summary>The runtime settings that keep a silo and a frontend cheap at rest with many agents (docs/architecture.md, "Scaling model").</summary>
public class HostTuningTests
{
    [Theory]
    [InlineData("Planekeeper.Silo.runtimeconfig.json")]
    [InlineData("Planekeeper.WebFrontend.runtimeconfig.json")]
    [InlineData("Planekeeper.Agent.runtimeconfig.json")]
    public void Idle_thread_pool_workers_do_not_spin(string runtimeConfig)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, runtimeConfig)));
        var options = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(0, options.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
    }

    [Fact]
    public void The_dashboard_samples_a_silos_counters_every_ten_seconds()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DATA_PROTECTION_ALLOW_UNENCRYPTED"] = "true",
            ["PG_HOST"] = "127.0.0.1",
            ["PG_USER"] = "planekeeper",
            ["PG_PASSWORD"] = "unused",
            ["PG_DBNAME"] = "planekeeper",
        });
        builder.AddPlanekeeperSilo(
            PostgresSettings.FromConfiguration(builder.Configuration, "test"),
            new SiloEndpointSettings(11111, 30000, HealthPort: 0, IPAddress.Loopback));
        using var host = builder.Build();

        Assert.Equal(10_000, host.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.CounterUpdateIntervalMs);
    }
}
