namespace Planekeeper.Agent;

/// <summary>Says when the agent process starts and stops, so an operator sees it is alive.</summary>
public sealed class AgentLifetimeLogger(ILogger<AgentLifetimeLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Planekeeper agent {Version} started", typeof(AgentLifetimeLogger).Assembly.GetName().Version);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Planekeeper agent stopped");
        return Task.CompletedTask;
    }
}
