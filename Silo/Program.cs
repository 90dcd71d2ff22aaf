using Planekeeper.Configuration;
using Planekeeper.Grains.Storage;
using Planekeeper.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
try
{
    var database = await builder.PrepareDatabaseAsync();
    builder.AddPlanekeeperSilo(database, SiloEndpointSettings.FromConfiguration(builder.Configuration));
    builder.ListenForSiloHealthChecks();
    builder.AddSiloMetrics();
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
