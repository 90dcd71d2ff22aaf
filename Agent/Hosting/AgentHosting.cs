using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Server;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Hosting;

public static class AgentHosting
{
    /// <summary>Longer than the longest claim (25 s of long-polling), so a waiting claim is never cut short.</summary>
    private static readonly TimeSpan ServerTimeout = TimeSpan.FromSeconds(60);

    public static IHostApplicationBuilder AddPlanekeeperAgent(this IHostApplicationBuilder builder, AgentSettings settings)
    {
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new AgentApiClient(new HttpClient { Timeout = ServerTimeout }, settings));
        builder.Services.AddSingleton<RateLimitBoard>();
        builder.Services.AddSingleton<GatherSources>();
        builder.Services.AddSingleton<GatherRunner>();
        builder.Services.AddSingleton<ITaskRunner, TaskRunner>();
        builder.Services.AddSingleton<TaskExecution>();
        builder.Services.AddHostedService<AgentWorker>();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = AgentWorker.ShutdownGrace + TimeSpan.FromSeconds(10));
        return builder;
    }
}
