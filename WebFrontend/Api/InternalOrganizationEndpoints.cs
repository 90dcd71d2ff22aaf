using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Api;

/// <summary>
/// The internal API over every organization: the overview, suspension (docs/operations.md, "Suspending an
/// organization") and every agent with its health. Global admins only; the grains do the work, as for the Internal UI.
/// </summary>
public static class InternalOrganizationEndpoints
{
    public static void MapInternalOrganizationEndpoints(this RouteGroupBuilder api)
    {
        var organizations = api.MapGroup("/internal/organizations").WithTags("Internal");
        organizations.MapGet("/", async (IClusterClient cluster) =>
                Results.Ok(new Page<OrganizationOverview>(await cluster.GetGrain<IOrganizationOverviewGrain>(0).ListAsync(), null)))
            .Produces<Page<OrganizationOverview>>().WithSummary("Every organization: members, jobs, agents and open alerts counted, and whether (since when, by whom) it is suspended.");
        organizations.MapPost("/{organizationId:long}/suspend", (long organizationId, HttpContext context, IClusterClient cluster) =>
                SetSuspendedAsync(organizationId, true, context, cluster))
            .Produces<OrganizationOverview>().WithSummary("Suspend an organization: every request in it (sessions, API keys, agents) is refused with 403 organization_suspended; data and schedules are kept. Idempotent.");
        organizations.MapPost("/{organizationId:long}/unsuspend", (long organizationId, HttpContext context, IClusterClient cluster) =>
                SetSuspendedAsync(organizationId, false, context, cluster))
            .Produces<OrganizationOverview>().WithSummary("Lift an organization's suspension: everything works again from the next request. Idempotent.");
        api.MapGet("/internal/agents", async (IClusterClient cluster) =>
                Results.Ok(new Page<AgentOverview>(await cluster.GetGrain<IAgentDirectoryGrain>(0).ListEverywhereAsync(), null)))
            .WithTags("Internal")
            .Produces<Page<AgentOverview>>().WithSummary("Every agent of every organization and every server agent: online or offline, last heartbeat, version, jobs held.");
    }

    private static async Task<IResult> SetSuspendedAsync(long organizationId, bool suspended, HttpContext context, IClusterClient cluster) =>
        Problems.From(await cluster.GetGrain<IOrganizationGrain>(organizationId).SetSuspendedAsync(context.Identity().Subject!, suspended), Results.Ok);
}
