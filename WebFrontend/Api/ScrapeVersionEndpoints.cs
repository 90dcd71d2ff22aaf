using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.Scrape;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Api;

/// <summary>
/// The scrape-job routes beyond the common ones: manual versions and the version history. The job grain checks the
/// organization (docs/security.md, "Tenancy").
/// </summary>
public static class ScrapeVersionEndpoints
{
    public sealed record SetVersion(string? Version);

    public static void MapScrapeVersions(this RouteGroupBuilder scrapeJobs)
    {
        scrapeJobs.MapPost("/{id:long}/set-version", SetVersionAsync)
            .WithName("setScrapeJobVersion").Produces<VersionSnapshot>().WithSummary("Store the deployed version of a manual job (after its version transform).");
        scrapeJobs.MapGet("/{id:long}/versions", ListAsync)
            .Produces<Page<VersionSnapshot>>().WithSummary("The job's version snapshots, newest first (at most its history_limit).");
    }

    private static async Task<IResult> SetVersionAsync(long id, SetVersion body, HttpContext context, IClusterClient cluster) =>
        Problems.From(
            await cluster.GetGrain<IScrapeJobGrain>(id).SetVersionAsync(context.Scope().Subject, context.Scope().OrganizationId, body.Version ?? ""),
            snapshot => Results.Ok(snapshot));

    private static async Task<IResult> ListAsync(long id, HttpContext context, IClusterClient cluster) =>
        await cluster.GetGrain<IScrapeJobGrain>(id).ListVersionsAsync(context.Scope().OrganizationId) is { } versions
            ? Results.Ok(new Page<VersionSnapshot>(versions, null))
            : Problems.NotFound($"no scrape job {id}");
}
