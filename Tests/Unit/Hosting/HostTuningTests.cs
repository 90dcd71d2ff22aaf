using System.Text.Json;

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

    [Theory]
    [InlineData("Planekeeper.Silo.runtimeconfig.json")]
    [InlineData("Planekeeper.WebFrontend.runtimeconfig.json")]
    public void Silo_and_frontend_collect_garbage_with_the_background_workstation_collector(string runtimeConfig)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, runtimeConfig)));
        var options = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(options.GetProperty("System.GC.Server").GetBoolean());
        Assert.True(options.GetProperty("System.GC.Concurrent").GetBoolean());
    }
}
