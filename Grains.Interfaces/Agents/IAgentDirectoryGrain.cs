using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Agents;

/// <summary>Agents register and stay known through heartbeats; lists are one query. Stateless.</summary>
[Alias("planekeeper.agents.directory")]
public interface IAgentDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Records a heartbeat of the agent with this name under this API key, creating the agent on first use.</summary>
    [Alias("heartbeat")]
    Task<CommandResult<AgentRegistration>> HeartbeatAsync(long apiKeyId, long organizationId, AgentHeartbeat heartbeat);

    [Alias("list")]
    Task<IReadOnlyList<AgentRecord>> ListAsync(long organizationId);

    /// <summary>Every agent of every organization and every server agent, by organization then id, for global admins.</summary>
    [Alias("list-everywhere")]
    Task<IReadOnlyList<AgentOverview>> ListEverywhereAsync();

    /// <summary>Whether the organization's queued jobs have an online agent able to run them.</summary>
    [Alias("summary")]
    Task<AgentSummary> SummaryAsync(long organizationId);
}
