using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Http;
using Planekeeper.Agent.Server;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Hosting;

public static class AgentHosting
{
    /// <summary>Longer than the longest claim (25 s of long-polling) and its retries, so a waiting claim is never cut short.</summary>
    private static readonly TimeSpan ServerTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// A frontend restarting behind the proxy answers 502/503 (with <c>Retry-After</c>) or refuses the connection for a
    /// moment: the Agent API's calls are tried again for a few seconds, so a completion is not lost to a rolling
    /// restart (docs/deploy.md, "Upgrades and rolling restarts"). A repeated completion answers 409 and is taken as done.
    /// </summary>
    private static readonly HttpRetryOptions ServerRetry = new(
        Attempts: 6, FirstDelay: TimeSpan.FromMilliseconds(250), LongestRetryAfter: TimeSpan.FromSeconds(30), AttemptTimeout: TimeSpan.FromSeconds(60));

    public static IHostApplicationBuilder AddPlanekeeperAgent(this IHostApplicationBuilder builder, AgentSettings settings)
    {
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        var toServer = new ResilienceHandler(HttpRetryPipeline.Create(ServerRetry), new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
        builder.Services.AddSingleton(new AgentApiClient(new HttpClient(toServer) { Timeout = ServerTimeout }, settings));
        builder.Services.AddSingleton<RateLimitBoard>();
        builder.Services.AddSingleton<GatherSources>();
        builder.Services.AddSingleton<GatherRunner>();
        builder.Services.AddSingleton<ITaskRunner, TaskRunner>();
        builder.Services.AddSingleton<TaskReports>();
        builder.Services.AddSingleton<TaskExecution>();
        builder.Services.AddHostedService<AgentWorker>();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = AgentWorker.ShutdownGrace + TimeSpan.FromSeconds(10));
        return builder;
    }
}
