using Orleans.Dashboard;

namespace Planekeeper.WebFrontend.Hosting;

/// <summary>
/// The Orleans Dashboard (silos, their status, activations, grain calls, reminders) served by the frontend under
/// <see cref="Prefix"/> (docs/operations.md, "Cluster dashboard"): on the internal port only, because the path is
/// internal, and to global admins only (<see cref="Authorization.RouteActions"/>).
/// </summary>
public static class ClusterDashboardExtensions
{
    public const string Prefix = "/internal/dashboard";

    /// <summary>No live log stream: logs are for the log pipeline, whose access is controlled on its own.</summary>
    public static void Configure(DashboardOptions options) => options.HideTrace = true;

    public static bool IsClusterDashboard(this HttpRequest request) => request.Path.StartsWithSegments(Prefix);

    public static void MapClusterDashboard(this WebApplication app) => app.MapOrleansDashboard(Prefix);
}
