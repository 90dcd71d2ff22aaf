using Orleans.Dashboard;
using Planekeeper.Configuration;

namespace Planekeeper.Silo.Hosting;

/// <summary>
/// Whether the cluster dashboard times grain calls (docs/operations.md, "Cluster dashboard"). Its timing is an incoming
/// grain call filter that sits in every call even while nobody views the dashboard: about a sixth of the silo's
/// allocations under a busy task engine (bench/README.md, JobPipeline). Off unless <see cref="Setting"/> is true.
/// </summary>
public static class DashboardGrainCalls
{
    public const string Setting = "PLANEKEEPER_DASHBOARD_GRAIN_CALLS";

    /// <summary>Call after <c>AddDashboard</c>: without the setting, the dashboard's call filters are taken out again.</summary>
    public static void Apply(ISiloBuilder silo, IConfiguration configuration)
    {
        if (BooleanSetting.Read(configuration, Setting))
        {
            return;
        }

        foreach (var filter in silo.Services.Where(IsDashboardCallFilter).ToList())
        {
            silo.Services.Remove(filter);
        }
    }

    private static bool IsDashboardCallFilter(ServiceDescriptor service) =>
        service.ServiceType == typeof(IIncomingGrainCallFilter) && service.ImplementationType?.Assembly == typeof(DashboardOptions).Assembly;
}
