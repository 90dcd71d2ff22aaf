using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.Grains.Interfaces.Jobs.HelmSync;
using Planekeeper.Grains.Interfaces.Jobs.Scrape;
using Planekeeper.WebFrontend.Hosting.Input;

namespace Planekeeper.WebFrontend.Api;

public static class ApiRoutes
{
    /// <summary>Maps every <c>/api/v1</c> endpoint; each must have its entry in Authorization/RouteActions.</summary>
    public static void MapPlanekeeperApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").CheckJsonBodies();
        api.MapAuthEndpoints();
        api.MapMeEndpoints();
        api.MapSessionEndpoints();
        api.MapOrganizationEndpoints();
        api.MapMemberEndpoints();
        api.MapRoleEndpoints();
        api.MapApiKeyEndpoints();
        api.MapPermissionEndpoints();
        api.MapInternalEndpoints();
        api.MapAgentEndpoints();
        api.MapAgentTaskEndpoints();
        api.MapJobs<IGatherJobGrain, IGatherJobDirectoryGrain, GatherJobRequest, GatherJobRecord>("/gather-jobs", "gather job").MapGatherReleases();
        api.MapJobs<IScrapeJobGrain, IScrapeJobDirectoryGrain, ScrapeJobRequest, ScrapeJobRecord>("/scrape-jobs", "scrape job").MapScrapeVersions();
        api.MapJobs<IHelmSyncJobGrain, IHelmSyncJobDirectoryGrain, HelmSyncJobRequest, HelmSyncJobRecord>("/helm-sync-jobs", "helm sync job").MapHelmCharts();
        api.MapReleaseEndpoints();
        api.MapMonitoringRuleEndpoints();
        api.MapAlertConfigEndpoints();
        api.MapAlertEndpoints();
        api.MapNotificationChannelEndpoints();
        api.MapNotificationRuleEndpoints();
        api.MapNotificationDeliveryEndpoints();
        api.MapNotificationTemplateEndpoints();
        app.MapAckLinkEndpoints();
    }
}
