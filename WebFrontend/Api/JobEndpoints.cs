using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.WebFrontend.Api.Concurrency;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Api;

/// <summary>The routes every kind of job has: list, create, summary, read, replace, delete, run now.</summary>
public static class JobEndpoints
{
    public static RouteGroupBuilder MapJobs<TGrain, TDirectory, TRequest, TRecord>(this RouteGroupBuilder api, string path, string noun)
        where TGrain : IJobGrain<TRequest, TRecord>
        where TDirectory : IJobDirectoryGrain<TRequest, TRecord>
        where TRecord : IJobRecord
    {
        var jobs = api.MapGroup(path).WithTags(char.ToUpperInvariant(noun[0]) + noun[1..] + "s");
        jobs.MapGet("/", async (int? limit, string? cursor, string? status, string[]? label, HttpContext context, IClusterClient cluster) =>
        {
            if (Paging.Parse(limit, cursor) is not { } page)
            {
                return Paging.Problem(limit);
            }

            var query = JobListQuery.Parse(status, label);
            if (query.Filter is null)
            {
                return Problems.Invalid(query.Field!, query.Problem!);
            }

            var result = await cluster.GetGrain<TDirectory>(0).ListAsync(context.Scope().OrganizationId, query.Filter, page.Limit, page.After);
            return Results.Ok(result);
        }).Produces<Page<TRecord>>().WithSummary($"The organization's {noun}s, by id (keyset pagination); status= and label=key:value (repeatable) filter them.");

        jobs.MapPost("/", async (TRequest body, HttpContext context, IClusterClient cluster) =>
        {
            var scope = context.Scope();
            var result = await cluster.GetGrain<TDirectory>(0).CreateAsync(scope.Subject, scope.OrganizationId, body);
            return Problems.From(result, job => Versioned.Tagged(Results.Created($"/api/v1{path}/{job.Id}", job), job.Version));
        }).Produces<TRecord>(StatusCodes.Status201Created).WithSummary($"Create a {noun}; without a schedule it is queued to run once.");

        jobs.MapGet("/summary", async (HttpContext context, IClusterClient cluster) =>
            Results.Ok(await cluster.GetGrain<TDirectory>(0).SummaryAsync(context.Scope().OrganizationId)))
            .Produces<JobSummary>().WithSummary($"How many {noun}s are in each status.");

        // The job grain checks the organization (docs/security.md, "Tenancy"): another organization's job is "not found".
        jobs.MapGet("/{id:long}", async (long id, HttpContext context, IClusterClient cluster) =>
            await cluster.GetGrain<TGrain>(id).GetAsync(context.Scope().OrganizationId) is { } job ? Versioned.Ok(job) : Problems.NotFound($"no {noun} {id}"))
            .Produces<TRecord>().WithSummary($"One {noun}; the version of its definition is the ETag.").WithETag();

        jobs.MapPut("/{id:long}", (long id, TRequest body, HttpContext context, IClusterClient cluster) => Versioned.WriteAsync(context, async expected =>
            Problems.From(await cluster.GetGrain<TGrain>(id).UpdateAsync(context.Scope().Subject, context.Scope().OrganizationId, body, expected), Versioned.Ok)))
            .Produces<TRecord>().WithSummary($"Replace a {noun}'s definition; the next run is recomputed from its schedule.").WithETag();

        jobs.MapDelete("/{id:long}", (long id, HttpContext context, IClusterClient cluster) => Versioned.WriteAsync(context, async expected =>
            Problems.From(await cluster.GetGrain<TGrain>(id).DeleteAsync(context.Scope().Subject, context.Scope().OrganizationId, expected), _ => Results.NoContent())))
            .Produces(StatusCodes.Status204NoContent).WithSummary($"Delete a {noun}.").WithETag();

        jobs.MapPost("/{id:long}/run", async (long id, HttpContext context, IClusterClient cluster) =>
            Problems.From(await cluster.GetGrain<TGrain>(id).RunNowAsync(context.Scope().Subject, context.Scope().OrganizationId), Versioned.Ok))
            .Produces<TRecord>().WithSummary("Queue the job now; 409 while it runs.");
        return jobs;
    }
}
