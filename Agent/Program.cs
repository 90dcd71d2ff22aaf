using Planekeeper.Agent;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddHostedService<AgentLifetimeLogger>();
await builder.Build().RunAsync();
