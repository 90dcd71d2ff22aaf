using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.WebFrontend.Charts;
using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.Grains.Interfaces.Jobs.HelmSync;
using Planekeeper.Grains.Interfaces.Jobs.Scrape;

namespace Planekeeper.WebFrontend.Pages.Dashboard;

/// <summary>One kind of job on the dashboard: its name, the action that lists it, and its counts (null without that action).</summary>
public sealed record JobKindCounts(string Name, string ListAction, JobSummary? Summary);

/// <summary>
/// <c>/</c>, the dashboard: open alerts by severity, jobs by status, agents online and the queued jobs no online agent
/// can run (naming the missing capability or credential) — the same grain calls as <c>/alerts/summary</c>,
/// <c>/{kind}-jobs/summary</c>, <c>/agents/summary</c>, <c>/alert-configs/drift/worst</c> and <c>/alerts/history</c>, each
/// shown only to a viewer holding its list action.
/// <c>?handler=overview</c> is the same overview alone, which the page fetches with htmx every 5 s.
/// </summary>
public sealed class DashboardModel(IClusterClient cluster) : PlanekeeperPage
{
    public const string AlertsAction = "alerts:list";
    public const string AgentsAction = "agents:list";
    public const string AlertConfigsAction = "alert-configs:list";
    public const int DriftRows = 10;
    public const int HistoryDays = 30;

    public AlertSummary? Alerts { get; private set; }

    public AgentSummary? Agents { get; private set; }

    public IReadOnlyList<JobKindCounts> Jobs { get; private set; } = [];

    /// <summary>The most drifted alert configs, worst first (null without <see cref="AlertConfigsAction"/>).</summary>
    public IReadOnlyList<AlertConfigDrift>? Drift { get; private set; }

    /// <summary>Alerts raised per day over <see cref="HistoryDays"/> days, drawn as SVG (null without <see cref="AlertsAction"/>).</summary>
    public string? HistoryChart { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnGetOverviewAsync()
    {
        await LoadAsync();
        return Partial("_Overview", this);
    }

    private async Task LoadAsync()
    {
        var organization = OrganizationId;
        var alerts = IfAllowed(AlertsAction, () => cluster.GetGrain<IAlertsGrain>(0).SummaryAsync(organization));
        var agents = IfAllowed(AgentsAction, () => cluster.GetGrain<IAgentDirectoryGrain>(0).SummaryAsync(organization));
        var gather = IfAllowed("gather-jobs:list", () => cluster.GetGrain<IGatherJobDirectoryGrain>(0).SummaryAsync(organization));
        var scrape = IfAllowed("scrape-jobs:list", () => cluster.GetGrain<IScrapeJobDirectoryGrain>(0).SummaryAsync(organization));
        var helm = IfAllowed("helm-sync-jobs:list", () => cluster.GetGrain<IHelmSyncJobDirectoryGrain>(0).SummaryAsync(organization));
        var drift = IfAllowed(AlertConfigsAction, () => cluster.GetGrain<IAlertConfigDirectoryGrain>(0).WorstDriftAsync(organization, DriftRows));
        var history = IfAllowed(AlertsAction, () => cluster.GetGrain<IAlertsGrain>(0).HistoryAsync(organization, HistoryDays));
        Alerts = await alerts;
        Drift = await drift;
        HistoryChart = await history is { } days ? AlertHistoryChart.Render(days, "dashboard-alert-history") : null;
        Agents = await agents;
        Jobs =
        [
            new("Gather jobs", "gather-jobs:list", await gather),
            new("Scrape jobs", "scrape-jobs:list", await scrape),
            new("Helm sync jobs", "helm-sync-jobs:list", await helm),
        ];
    }

    /// <summary>The grain call's answer when the viewer holds <paramref name="action"/>, else null (the part says which action is missing).</summary>
    private async Task<T?> IfAllowed<T>(string action, Func<Task<T>> read) where T : class =>
        Viewer!.May(action) ? await read() : null;
}
