using Planekeeper.Configuration;
using Planekeeper.Grains.Storage;
using Planekeeper.Hosting;

namespace Planekeeper.Silo.Hosting;

/// <summary>The silo program's steps, so that a host built on it (the tests' crash host) runs the very same silo.</summary>
public static class SiloProgram
{
    /// <param name="addServices">Services a host built on the silo adds; none for the product.</param>
    /// <returns>The process exit code: 1 when the settings or the migrations stop the start; with <c>--health-check</c>, the check's.</returns>
    public static async Task<int> RunAsync(string[] args, Action<IServiceCollection>? addServices = null)
    {
        // Named as the product's silo, whichever program runs it.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = "Planekeeper.Silo" });
        try
        {
            builder.Configuration.AddSettingFiles();
            if (HealthCheckCommand.IsRequested(args))
            {
                return await HealthCheckCommand.RunAsync("planekeeper-silo", SiloEndpointSettings.FromConfiguration(builder.Configuration).HealthUrl);
            }

            // Before the database: a silo asked to run in Kubernetes outside a pod stops before it migrates anything.
            var inKubernetes = KubernetesHosting.IsOn(builder.Configuration, Environment.GetEnvironmentVariable);
            var database = await builder.PrepareDatabaseAsync();
            builder.AddPlanekeeperSilo(database, SiloEndpointSettings.FromConfiguration(builder.Configuration), inKubernetes);
            builder.ListenForSiloHealthChecks();
            builder.AddSiloMetrics();
            addServices?.Invoke(builder.Services);
        }
        catch (Exception e) when (e is StartupConfigurationException or MigrationFailedException)
        {
            Console.Error.WriteLine($"planekeeper-silo: {e.Message}");
            return 1;
        }

        var app = builder.Build();
        app.MapSiloHealth();
        app.MapSiloMetrics();
        await app.RunAsync();
        return 0;
    }
}
