using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;
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
        jobs.MapGet("/", async (int? limit, string? cursor, HttpContext context, IClusterClient cluster) =>
        {
            if (Paging.Parse(limit, cursor) is not { } page)
            {
                return Paging.Problem(limit);
            }

            var result = await cluster.GetGrain<TDirectory>(0).ListAsync(context.Scope().OrganizationId, page.Limit, page.After);
            return Results.Ok(new { items = result.Items, next_cursor = result.NextCursor });
        }).WithSummary($"The organization's {noun}s, by id (keyset pagination).");

        jobs.MapPost("/", async (TRequest body, HttpContext context, IClusterClient cluster) =>
        {
            var scope = context.Scope();
            var result = await cluster.GetGrain<TDirectory>(0).CreateAsync(scope.Subject, scope.OrganizationId, body);
            return Problems.From(result, job => Results.Created($"/api/v1{path}/{job.Id}", job));
        }).WithSummary($"Create a {noun}; without a schedule it is queued to run once.");

        jobs.MapGet("/summary", async (HttpContext context, IClusterClient cluster) =>
            Results.Ok(await cluster.GetGrain<TDirectory>(0).SummaryAsync(context.Scope().OrganizationId)))
            .WithSummary($"How many {noun}s are in each status.");

        jobs.MapGet("/{id:long}", async (long id, HttpContext context, IClusterClient cluster) =>
            await OwnJobAsync<TGrain, TRequest, TRecord>(id, context, cluster) is { } job ? Results.Ok(await job.GetAsync()) : NotFound(noun, id))
            .WithSummary($"One {noun}.");

        jobs.MapPut("/{id:long}", (long id, TRequest body, HttpContext context, IClusterClient cluster) =>
            ChangeAsync<TGrain, TRequest, TRecord, TRecord>(id, noun, context, cluster, (job, actor) => job.UpdateAsync(actor, body), record => Results.Ok(record)))
            .WithSummary($"Replace a {noun}'s definition; the next run is recomputed from its schedule.");

        jobs.MapDelete("/{id:long}", (long id, HttpContext context, IClusterClient cluster) =>
            ChangeAsync<TGrain, TRequest, TRecord, bool>(id, noun, context, cluster, (job, actor) => job.DeleteAsync(actor), _ => Results.NoContent()))
            .WithSummary($"Delete a {noun}.");

        jobs.MapPost("/{id:long}/run", (long id, HttpContext context, IClusterClient cluster) =>
            ChangeAsync<TGrain, TRequest, TRecord, TRecord>(id, noun, context, cluster, (job, actor) => job.RunNowAsync(actor), record => Results.Ok(record)))
            .WithSummary("Queue the job now; 409 while it runs.");
        return jobs;
    }

    private static async Task<IResult> ChangeAsync<TGrain, TRequest, TRecord, T>(
        long id, string noun, HttpContext context, IClusterClient cluster, Func<TGrain, string, Task<CommandResult<T>>> change, Func<T, IResult> onOk)
        where TGrain : IJobGrain<TRequest, TRecord>
        where TRecord : IJobRecord =>
        await OwnJobAsync<TGrain, TRequest, TRecord>(id, context, cluster) is { } job
            ? Problems.From(await change(job, context.Scope().Subject), onOk)
            : NotFound(noun, id);

    /// <summary>The job, if it belongs to the request's organization; another organization's job is "not found".</summary>
    internal static async Task<TGrain?> OwnJobAsync<TGrain, TRequest, TRecord>(long id, HttpContext context, IClusterClient cluster)
        where TGrain : IJobGrain<TRequest, TRecord>
        where TRecord : IJobRecord
    {
        var job = cluster.GetGrain<TGrain>(id);
        return await job.GetAsync() is { } record && record.OrganizationId == context.Scope().OrganizationId ? job : default;
    }

    private static IResult NotFound(string noun, long id) => Problems.NotFound($"no {noun} {id}");
}
