using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Api;

/// <summary><c>/releases</c>: the organization's releases across its gather jobs.</summary>
public static class ReleaseEndpoints
{
    public static void MapReleaseEndpoints(this RouteGroupBuilder api)
    {
        var releases = api.MapGroup("/releases").WithTags("Releases");
        releases.MapGet("/", async (int? limit, string? cursor, long? gather_job_id, HttpContext context, IClusterClient cluster) =>
        {
            if (Paging.Parse(limit, cursor) is not { } page)
            {
                return Paging.Problem(limit);
            }

            var result = await Releases(cluster).ListAsync(context.Scope().OrganizationId, gather_job_id, page.Limit, page.After);
            return Results.Ok(result);
        }).Produces<Page<ReleaseRecord>>().WithSummary("Releases newest found first; gather_job_id narrows to one job (keyset pagination).");

        releases.MapGet("/summary", async (HttpContext context, IClusterClient cluster) =>
            Results.Ok(await Releases(cluster).SummaryAsync(context.Scope().OrganizationId)))
            .Produces<ReleaseSummary>().WithSummary("How many releases, prereleases and gather jobs with releases; when the newest was found.");

        releases.MapGet("/{id:long}", async (long id, HttpContext context, IClusterClient cluster) =>
            await Releases(cluster).GetAsync(context.Scope().OrganizationId, id) is { } release ? Results.Ok(release) : Problems.NotFound($"no release {id}"))
            .Produces<ReleaseRecord>().WithSummary("One release.");
    }

    private static IReleasesGrain Releases(IClusterClient cluster) => cluster.GetGrain<IReleasesGrain>(0);
}
