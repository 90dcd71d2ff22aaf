using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Hosting;

AgentSettings settings;
try
{
    settings = AgentSettingsLoader.Load(args, Environment.GetEnvironmentVariable);
}
catch (AgentConfigurationException problem)
{
    Console.Error.WriteLine($"planekeeper-agent: {problem.Message}");
    return 2;
}

var builder = Host.CreateApplicationBuilder(args);
builder.AddPlanekeeperAgent(settings);
await builder.Build().RunAsync();
return Environment.ExitCode;
