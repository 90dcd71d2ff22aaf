using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.Grains.Interfaces.Jobs.HelmSync;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Api;

/// <summary>
/// What jobs found: a gather job's releases (list, clear) and a helm sync job's charts. The job grains check the
/// organization (docs/security.md, "Tenancy").
/// </summary>
public static class JobFindingsEndpoints
{
    /// <summary>How many releases were forgotten.</summary>
    public sealed record ClearedReleases(int Cleared);

    /// <summary>The charts of the repository index, and the names of charts gone from it since the run before.</summary>
    public sealed record ChartPage(IReadOnlyList<HelmChartRecord> Items, IReadOnlyList<string> Removed, string? NextCursor);

    public static void MapGatherReleases(this RouteGroupBuilder gatherJobs)
    {
        gatherJobs.MapGet("/{id:long}/releases", ListReleasesAsync)
            .Produces<Page<ReleaseRecord>>().WithSummary("The releases the job found, newest found first (keyset pagination).");
        gatherJobs.MapDelete("/{id:long}/releases", ClearReleasesAsync)
            .Produces<ClearedReleases>().WithSummary("Forget every release of the job; the next run finds them again.");
    }

    public static void MapHelmCharts(this RouteGroupBuilder helmSyncJobs) =>
        helmSyncJobs.MapGet("/{id:long}/charts", ListChartsAsync)
            .Produces<ChartPage>().WithSummary("The charts the job's last run found in the repository index.");

    private static async Task<IResult> ListReleasesAsync(long id, int? limit, string? cursor, HttpContext context, IClusterClient cluster)
    {
        if (Paging.Parse(limit, cursor) is not { } page)
        {
            return Paging.Problem(limit);
        }

        return await cluster.GetGrain<IGatherJobGrain>(id).ListReleasesAsync(context.Scope().OrganizationId, page.Limit, page.After) is { } releases
            ? Results.Ok(releases)
            : Problems.NotFound($"no gather job {id}");
    }

    private static async Task<IResult> ClearReleasesAsync(long id, HttpContext context, IClusterClient cluster) =>
        Problems.From(
            await cluster.GetGrain<IGatherJobGrain>(id).ClearReleasesAsync(context.Scope().Subject, context.Scope().OrganizationId),
            cleared => Results.Ok(new ClearedReleases(cleared)));

    private static async Task<IResult> ListChartsAsync(long id, HttpContext context, IClusterClient cluster) =>
        await cluster.GetGrain<IHelmSyncJobGrain>(id).ListChartsAsync(context.Scope().OrganizationId) is { } charts
            ? Results.Ok(new ChartPage(charts.Items, charts.Removed, null))
            : Problems.NotFound($"no helm sync job {id}");
}
