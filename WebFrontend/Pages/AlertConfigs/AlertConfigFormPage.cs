using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.Grains.Interfaces.Jobs.Scrape;
using Planekeeper.Grains.Interfaces.Rules;

namespace Planekeeper.WebFrontend.Pages.AlertConfigs;

/// <summary>
/// What the new and edit pages of an alert config share: the form, whose scrape job, gather job and rule are picked
/// from the organization's own lists, saved through the grain that checks them as <c>POST</c>/<c>PUT /api/v1/alert-configs</c> do.
/// </summary>
public abstract class AlertConfigFormPage(IClusterClient cluster) : PlanekeeperPage
{
    private const int MostChoices = 200;

    public long? Id { get; protected set; }

    [BindProperty]
    public AlertConfigRequest Form { get; set; } = new(null, null, null, null);

    /// <summary>The config's version when the edit form was loaded; its save is refused (412) when the config moved on since.</summary>
    [BindProperty]
    public int? LoadedVersion { get; set; }

    public IReadOnlyList<(long Id, string Name)> ScrapeJobs { get; private set; } = [];

    public IReadOnlyList<(long Id, string Name)> GatherJobs { get; private set; } = [];

    public IReadOnlyList<(long Id, string Name)> Rules { get; private set; } = [];

    protected IClusterClient Cluster => cluster;

    protected async Task LoadChoicesAsync()
    {
        var organization = OrganizationId;
        ScrapeJobs = (await cluster.GetGrain<IScrapeJobDirectoryGrain>(0).ListAsync(organization, JobFilter.None, MostChoices, null)).Items.Select(job => (job.Id, job.Name)).ToList();
        GatherJobs = (await cluster.GetGrain<IGatherJobDirectoryGrain>(0).ListAsync(organization, JobFilter.None, MostChoices, null)).Items.Select(job => (job.Id, job.Name)).ToList();
        Rules = (await cluster.GetGrain<IMonitoringRuleDirectoryGrain>(0).ListAsync(organization, MostChoices, null)).Items.Select(rule => (rule.Id, rule.Name)).ToList();
    }

    protected async Task<IActionResult> SaveAsync()
    {
        var result = Id is { } id
            ? await cluster.GetGrain<IAlertConfigGrain>(id).UpdateAsync(Actor, OrganizationId, Form, Loaded(LoadedVersion))
            : await cluster.GetGrain<IAlertConfigDirectoryGrain>(0).CreateAsync(Actor, OrganizationId, Form);
        if (result.Status == CommandStatus.Ok)
        {
            return LocalRedirect("/alert-configs");
        }

        await LoadChoicesAsync();
        return PageWithErrors(result);
    }
}
