using Planekeeper.Configuration;
using Planekeeper.WebFrontend.Health;
using Planekeeper.WebFrontend.Hosting;

var builder = WebApplication.CreateBuilder(args);
try
{
    var database = PostgresSettings.FromConfiguration(builder.Configuration, "planekeeper-frontend");
    await PostgresStartupCheck.VerifyAsync(database);
    builder.AddPlanekeeperClusterClient(database);
    builder.ListenOnConfiguredPort();
    builder.UseSnakeCaseJson();
    builder.AddPlanekeeperOpenApi();
}
catch (StartupConfigurationException e)
{
    Console.Error.WriteLine($"planekeeper-frontend: {e.Message}");
    return 1;
}

var app = builder.Build();
app.MapHealthEndpoints();
app.MapPlanekeeperOpenApi();
await app.RunAsync();
return 0;
