using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Jobs;

namespace Planekeeper.WebFrontend.Pages.Dashboard;

/// <summary>One kind of job on the dashboard: its name, the action that lists it, and its counts (null without that action).</summary>
public sealed record JobKindCounts(string Name, string ListAction, JobSummary? Summary);

/// <summary>
/// <c>/</c>, the dashboard: open alerts by severity, jobs by status, agents online and the queued jobs no online agent
/// can run (naming the missing capability or credential) — the same grain calls as <c>/alerts/summary</c>,
/// <c>/{kind}-jobs/summary</c> and <c>/agents/summary</c>, each shown only to a viewer holding its list action.
/// <c>?handler=overview</c> is the same overview alone, which the page fetches with htmx every 5 s.
/// </summary>
public sealed class DashboardModel(IClusterClient cluster) : PlanekeeperPage
{
    public const string AlertsAction = "alerts:list";
    public const string AgentsAction = "agents:list";

    public AlertSummary? Alerts { get; private set; }

    public AgentSummary? Agents { get; private set; }

    public IReadOnlyList<JobKindCounts> Jobs { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnGetOverviewAsync()
    {
        await LoadAsync();
        return Partial("_Overview", this);
    }

    private async Task LoadAsync()
    {
        var organization = OrganizationId;
        var alerts = Viewer!.May(AlertsAction) ? cluster.GetGrain<IAlertsGrain>(0).SummaryAsync(organization) : Task.FromResult<AlertSummary>(null!);
        var agents = Viewer.May(AgentsAction) ? cluster.GetGrain<IAgentsGrain>(0).SummaryAsync(organization) : Task.FromResult<AgentSummary>(null!);
        var gather = Counts("Gather jobs", "gather-jobs:list", () => cluster.GetGrain<IGatherJobsGrain>(0).SummaryAsync(organization));
        var scrape = Counts("Scrape jobs", "scrape-jobs:list", () => cluster.GetGrain<IScrapeJobsGrain>(0).SummaryAsync(organization));
        var helm = Counts("Helm sync jobs", "helm-sync-jobs:list", () => cluster.GetGrain<IHelmSyncJobsGrain>(0).SummaryAsync(organization));
        Alerts = await alerts;
        Agents = await agents;
        Jobs = [await gather, await scrape, await helm];
    }

    private async Task<JobKindCounts> Counts(string name, string action, Func<Task<JobSummary>> summary) =>
        new(name, action, Viewer!.May(action) ? await summary() : null);
}
