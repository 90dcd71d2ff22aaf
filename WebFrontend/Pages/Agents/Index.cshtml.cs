using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Pages.Agents;

/// <summary>
/// <c>/agents</c>: the organization's agents as <c>GET /api/v1/agents</c> lists them (online/offline, last heartbeat,
/// version, capabilities, credential names, running jobs, the GitHub quota they report), refreshing every 5 s, and
/// how to connect one — this server's address filled in (docs/ui.md, "Agents").
/// </summary>
public sealed class AgentsModel(IClusterClient cluster, PublicOrigin publicOrigin) : PlanekeeperPage
{
    public IReadOnlyList<AgentRecord> Agents { get; private set; } = [];

    /// <summary>The address agents use: the one browsers use.</summary>
    public string ServerUrl => publicOrigin.Origin;

    public async Task OnGetAsync() => Agents = await cluster.GetGrain<IAgentDirectoryGrain>(0).ListAsync(OrganizationId);
}
