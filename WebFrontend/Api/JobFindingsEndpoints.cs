using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Api;

/// <summary>What jobs found: a gather job's releases (list, clear) and a helm sync job's charts.</summary>
public static class JobFindingsEndpoints
{
    public static void MapGatherReleases(this RouteGroupBuilder gatherJobs)
    {
        gatherJobs.MapGet("/{id:long}/releases", ListReleasesAsync)
            .WithSummary("The releases the job found, newest found first (keyset pagination).");
        gatherJobs.MapDelete("/{id:long}/releases", ClearReleasesAsync)
            .WithSummary("Forget every release of the job; the next run finds them again.");
    }

    public static void MapHelmCharts(this RouteGroupBuilder helmSyncJobs) =>
        helmSyncJobs.MapGet("/{id:long}/charts", ListChartsAsync)
            .WithSummary("The charts the job's last run found in the repository index.");

    private static async Task<IResult> ListReleasesAsync(long id, int? limit, string? cursor, HttpContext context, IClusterClient cluster)
    {
        if (Paging.Parse(limit, cursor) is not { } page)
        {
            return Paging.Problem(limit);
        }

        return await OwnAsync<IGatherJobGrain, GatherJobRequest, GatherJobRecord>(id, context, cluster) is { } job
            && await job.ListReleasesAsync(page.Limit, page.After) is { } releases
            ? Results.Ok(new { items = releases.Items, next_cursor = releases.NextCursor })
            : Problems.NotFound($"no gather job {id}");
    }

    private static async Task<IResult> ClearReleasesAsync(long id, HttpContext context, IClusterClient cluster) =>
        await OwnAsync<IGatherJobGrain, GatherJobRequest, GatherJobRecord>(id, context, cluster) is { } job
            ? Problems.From(await job.ClearReleasesAsync(context.Scope().Subject), cleared => Results.Ok(new { cleared }))
            : Problems.NotFound($"no gather job {id}");

    private static async Task<IResult> ListChartsAsync(long id, HttpContext context, IClusterClient cluster) =>
        await OwnAsync<IHelmSyncJobGrain, HelmSyncJobRequest, HelmSyncJobRecord>(id, context, cluster) is { } job
            && await job.ListChartsAsync() is { } charts
            ? Results.Ok(new { items = charts.Items, removed = charts.Removed, next_cursor = (string?)null })
            : Problems.NotFound($"no helm sync job {id}");

    private static Task<TGrain?> OwnAsync<TGrain, TRequest, TRecord>(long id, HttpContext context, IClusterClient cluster)
        where TGrain : IJobGrain<TRequest, TRecord>
        where TRecord : IJobRecord =>
        JobEndpoints.OwnJobAsync<TGrain, TRequest, TRecord>(id, context, cluster);
}
