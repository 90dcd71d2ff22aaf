using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Hosting;
using Planekeeper.Configuration;
using Planekeeper.Hosting;

AgentSettings settings;
try
{
    var environment = SettingFiles.Over(SettingFiles.FromEnvironment(), Environment.GetEnvironmentVariable);
    settings = AgentSettingsLoader.Load(args, environment);
}
catch (Exception problem) when (problem is AgentConfigurationException or StartupConfigurationException)
{
    Console.Error.WriteLine($"planekeeper-agent: {problem.Message}");
    // A container health check's failure is 1; Docker reserves 2.
    return HealthCheckCommand.IsRequested(args) ? 1 : 2;
}

// The agent has no port of its own: it is healthy while its server answers (docs/deploy.md, "Images").
if (HealthCheckCommand.IsRequested(args))
{
    return await HealthCheckCommand.RunAsync("planekeeper-agent", new Uri(settings.ServerUrl, "health"));
}

var builder = Host.CreateApplicationBuilder(args);
builder.AddPlanekeeperAgent(settings);
await builder.Build().RunAsync();
return Environment.ExitCode;
