using Orleans.Configuration;
using Orleans.Dashboard;
using Planekeeper.Configuration;
using Planekeeper.WebFrontend.Metrics;

namespace Planekeeper.WebFrontend.Hosting;

public static class ClusterClientExtensions
{
    private static readonly TimeSpan GatewayListRefresh = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Connects to the cluster as an Orleans client, finding gateways in the same ADO.NET membership
    /// table the silos write. The connection is retried until the cluster is up; meanwhile the web
    /// server already answers, so <c>/health</c> is live and <c>/ready</c> says the cluster is missing.
    /// </summary>
    public static IHostApplicationBuilder AddPlanekeeperClusterClient(this IHostApplicationBuilder builder, PostgresSettings database)
    {
        var cluster = ClusterSettings.FromConfiguration(builder.Configuration);
        builder.Services.Configure<HostOptions>(options => options.ServicesStartConcurrently = true);
        builder.Services.AddSingleton<FrontendMetrics>(); // for the grain call filter below
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            });
            client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = GatewayListRefresh);
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = PostgresSettings.AdoNetInvariant;
                options.ConnectionString = database.ConnectionString;
            });
            client.UseConnectionRetryFilter<ClusterConnectionRetryFilter>();
            client.AddOutgoingGrainCallFilter<GrainCallFailureCounter>();
            client.AddDashboard(ClusterDashboardExtensions.Configure);
        });
        return builder;
    }
}
