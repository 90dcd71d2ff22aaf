using Planekeeper.Configuration;
using Planekeeper.Hosting;
using Planekeeper.WebFrontend.Hosting;
using Planekeeper.WebFrontend.Hosting.Surfaces;

var builder = WebApplication.CreateBuilder(args);
WebApplication app;
try
{
    builder.Configuration.AddSettingFiles();
    if (HealthCheckCommand.IsRequested(args))
    {
        return await HealthCheckCommand.RunAsync("planekeeper-frontend", FrontendListeners.FromConfiguration(builder.Configuration).HealthUrl);
    }

    var database = PostgresSettings.FromConfiguration(builder.Configuration, "planekeeper-frontend");
    await PostgresStartupCheck.VerifyAsync(database);
    builder.AddPlanekeeperClusterClient(database);
    builder.ListenOnConfiguredPorts();
    builder.UseSnakeCaseJson();
    builder.AddPlanekeeperOpenApi();
    builder.AddPlanekeeperApi();
    app = builder.Build();
    app.UsePlanekeeperApi();
}
catch (StartupConfigurationException e)
{
    Console.Error.WriteLine($"planekeeper-frontend: {e.Message}");
    return 1;
}

await app.RunAsync();
return 0;
