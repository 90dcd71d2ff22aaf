using System.Net;
using Npgsql;
using Orleans.Configuration;
using Orleans.Dashboard;
using Planekeeper.Configuration;
using Planekeeper.Grains.Access;
using Planekeeper.Grains.Agents;
using Planekeeper.Grains.Alerts;
using Planekeeper.Grains.Alerts.Configs;
using Planekeeper.Grains.Alerts.Evaluation;
using Planekeeper.Grains.ApiKeys;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.EarlyAccess;
using Planekeeper.Grains.Health;
using Planekeeper.Grains.Identity;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Jobs.Gather;
using Planekeeper.Grains.Jobs.HelmSync;
using Planekeeper.Grains.Jobs.Scrape;
using Planekeeper.Grains.Organizations;
using Planekeeper.Grains.Rules;
using Planekeeper.Grains.Tasks;
using Planekeeper.Grains.Upstreams;

namespace Planekeeper.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>
    /// Makes this process a silo of the Planekeeper cluster: ADO.NET membership and reminders on the project's
    /// PostgreSQL database. No grain storage: grains keep their state in the tables they own (docs/architecture.md).
    /// </summary>
    /// <param name="inKubernetes">With Orleans' Kubernetes integration (<see cref="KubernetesHosting"/>).</param>
    public static IHostApplicationBuilder AddPlanekeeperSilo(
        this IHostApplicationBuilder builder, PostgresSettings database, SiloEndpointSettings endpoints, bool inKubernetes = false)
    {
        var cluster = ClusterSettings.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(database.GrainConnectionString));
        builder.Services.AddSingleton<GrainReferences>();
        builder.Services.AddSingleton<AuditWriter>();
        builder.Services.AddSingleton<KnownClientTokens>();
        builder.Services.AddSingleton<AccessStore>();
        builder.Services.AddSingleton<AuditLogStore>();
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<GlobalAdminStore>();
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<OrganizationStore>();
        builder.Services.AddSingleton<OrganizationOverviewStore>();
        builder.Services.AddSingleton<InviteStore>();
        builder.Services.AddSingleton<EarlyAccessStore>();
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<AccessChangeStore>();
        builder.Services.AddSingleton<GatherJobStore>();
        builder.Services.AddSingleton<ScrapeJobStore>();
        builder.Services.AddSingleton<HelmSyncJobStore>();
        builder.Services.AddSingleton<VersionSnapshotStore>();
        builder.Services.AddSingleton<ReleaseStore>();
        builder.Services.AddSingleton<HelmChartStore>();
        builder.Services.AddSingleton<HelmSyncChildren>();
        builder.Services.AddSingleton<AlertConfigReferences>();
        builder.Services.AddSingleton<TaskStore>();
        builder.Services.AddSingleton<AgentStore>();
        builder.Services.AddSingleton<UpstreamStore>();
        builder.Services.AddSingleton<MonitoringRuleStore>();
        builder.Services.AddSingleton<AlertConfigStore>();
        builder.Services.AddSingleton<DriftStore>();
        builder.Services.AddSingleton<AlertConfigValidator>();
        builder.Services.AddSingleton<EvaluationInputStore>();
        builder.Services.AddSingleton<AlertStore>();
        builder.Services.AddSingleton<AlertQueryStore>();
        builder.Services.AddSingleton<AlertReconciliationStore>();
        builder.Services.AddSingleton<HealthStore>();
        builder.Services.AddSingleton<AlertMetrics>();
        builder.Services.AddSingleton<TaskMetrics>();
        builder.Services.AddNotifications(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(AlertSettingsReader.Read(builder.Configuration));
        builder.Services.AddSingleton(SessionSettingsReader.Read(builder.Configuration));
        builder.Services.AddSingleton(ServerAgentBootstrap.Configured(
            builder.Configuration["AGENT_BOOTSTRAP_SECRET"],
            PositiveIntegerSetting.Read(builder.Configuration, "AGENT_BOOTSTRAP_MAX_ATTEMPTS", ServerAgentBootstrap.DefaultMaxAttempts),
            DurationSetting.Read(builder.Configuration, "AGENT_BOOTSTRAP_WINDOW", ServerAgentBootstrap.DefaultWindow)));
        builder.Services.AddSingleton(TaskSettingsReader.Read(builder.Configuration));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new AgentSettings(DurationSetting.Read(builder.Configuration, "AGENT_HEARTBEAT_INTERVAL", AgentSettings.Default.HeartbeatInterval)));
        builder.UseOrleans(silo =>
        {
            if (inKubernetes)
            {
                // Before our ClusterOptions: options are configured in order, so PLANEKEEPER_CLUSTER_ID and
                // PLANEKEEPER_SERVICE_ID win over the package's ORLEANS_CLUSTER_ID and ORLEANS_SERVICE_ID.
                silo.UseKubernetesHosting();
            }

            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            });
            ConfigureEndpoints(silo, endpoints);
            silo.Configure<ClusterMembershipOptions>(MembershipTuning.Apply);
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = PostgresSettings.AdoNetInvariant;
                options.ConnectionString = database.ConnectionString;
            });
            silo.UseAdoNetReminderService(options =>
            {
                options.Invariant = PostgresSettings.AdoNetInvariant;
                options.ConnectionString = database.ConnectionString;
            });
            silo.StartAlertMaintenance();
            silo.StartSessionMaintenance();
            silo.CollectIdleTaskEngines();
            // The frontend's internal port shows it (docs/operations.md, "Cluster dashboard"); the silo only collects.
            silo.AddDashboard(options => options.HideTrace = true);
            DashboardGrainCalls.Apply(silo, builder.Configuration);
        });
        return builder;
    }

    /// <summary>Orleans listens where it advertises (or on <see cref="SiloEndpointSettings.ListenAddress"/>), not on every interface.</summary>
    private static void ConfigureEndpoints(ISiloBuilder silo, SiloEndpointSettings endpoints)
    {
        if (endpoints.AdvertisedAddress is { } address)
        {
            silo.ConfigureEndpoints(address, endpoints.SiloPort, endpoints.GatewayPort);
        }
        else
        {
            silo.ConfigureEndpoints(endpoints.SiloPort, endpoints.GatewayPort);
        }

        if (endpoints.ListenAddress is { } listen)
        {
            silo.Configure<EndpointOptions>(options =>
            {
                options.SiloListeningEndpoint = new IPEndPoint(listen, endpoints.SiloPort);
                options.GatewayListeningEndpoint = new IPEndPoint(listen, endpoints.GatewayPort);
            });
        }
    }
}
