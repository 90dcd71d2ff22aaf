using Planekeeper.Grains.Interfaces.Agents;

namespace Planekeeper.WebFrontend.Pages.Internal;

/// <summary>
/// <c>/internal/agents</c>: every agent of every organization and every server agent, with its health (online while
/// its heartbeats arrive within <c>AGENT_OFFLINE_AFTER</c>), version and the jobs it holds.
/// </summary>
public sealed class AgentsModel(IClusterClient cluster) : InternalPage
{
    public IReadOnlyList<AgentOverview> Agents { get; private set; } = [];

    public async Task OnGetAsync() => Agents = await cluster.GetGrain<IAgentDirectoryGrain>(0).ListEverywhereAsync();
}
