using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Api;

/// <summary>The scrape-job routes beyond the common ones: manual versions and the version history.</summary>
public static class ScrapeVersionEndpoints
{
    public sealed record SetVersion(string? Version);

    public static void MapScrapeVersions(this RouteGroupBuilder scrapeJobs)
    {
        scrapeJobs.MapPost("/{id:long}/set-version", SetVersionAsync)
            .WithSummary("Store the deployed version of a manual job (after its version transform).");
        scrapeJobs.MapGet("/{id:long}/versions", ListAsync)
            .WithSummary("The job's version snapshots, newest first (at most its history_limit).");
    }

    private static async Task<IResult> SetVersionAsync(long id, SetVersion body, HttpContext context, IClusterClient cluster) =>
        await OwnJobAsync(id, context, cluster) is { } job
            ? Problems.From(await job.SetVersionAsync(context.Scope().Subject, body.Version ?? ""), snapshot => Results.Ok(snapshot))
            : Problems.NotFound($"no scrape job {id}");

    private static async Task<IResult> ListAsync(long id, HttpContext context, IClusterClient cluster) =>
        await OwnJobAsync(id, context, cluster) is { } job
            ? Results.Ok(new { items = await job.ListVersionsAsync(), next_cursor = (string?)null })
            : Problems.NotFound($"no scrape job {id}");

    private static Task<IScrapeJobGrain?> OwnJobAsync(long id, HttpContext context, IClusterClient cluster) =>
        JobEndpoints.OwnJobAsync<IScrapeJobGrain, ScrapeJobRequest, ScrapeJobRecord>(id, context, cluster);
}
