using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Api;

public static class GatherJobEndpoints
{
    public static void MapGatherJobEndpoints(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/gather-jobs").WithTags("Gather jobs");
        jobs.MapGet("/", ListAsync).WithSummary("The organization's gather jobs, by id (keyset pagination).");
        jobs.MapPost("/", CreateAsync).WithSummary("Create a gather job; without a schedule it is queued to run once.");
        jobs.MapGet("/summary", SummaryAsync).WithSummary("How many gather jobs are in each status.");
        jobs.MapGet("/{id:long}", GetAsync).WithSummary("One gather job.");
        jobs.MapPut("/{id:long}", (long id, GatherJobRequest body, HttpContext context, IClusterClient cluster) =>
                ChangeAsync(id, context, cluster, (job, actor) => job.UpdateAsync(actor, body), Results.Ok))
            .WithSummary("Replace a gather job's definition; the next run is recomputed from its schedule.");
        jobs.MapDelete("/{id:long}", (long id, HttpContext context, IClusterClient cluster) =>
                ChangeAsync(id, context, cluster, (job, actor) => job.DeleteAsync(actor), _ => Results.NoContent()))
            .WithSummary("Delete a gather job.");
        jobs.MapPost("/{id:long}/run", (long id, HttpContext context, IClusterClient cluster) =>
                ChangeAsync(id, context, cluster, (job, actor) => job.RunNowAsync(actor), Results.Ok))
            .WithSummary("Queue the job now; 409 while it runs.");
    }

    private static async Task<IResult> ListAsync(int? limit, string? cursor, HttpContext context, IClusterClient cluster)
    {
        if (Paging.Parse(limit, cursor) is not { } page)
        {
            return Paging.Problem(limit);
        }

        var result = await cluster.GetGrain<IGatherJobsGrain>(0).ListAsync(context.Scope().OrganizationId, page.Limit, page.After);
        return Results.Ok(new { items = result.Items, next_cursor = result.NextCursor });
    }

    private static async Task<IResult> CreateAsync(GatherJobRequest body, HttpContext context, IClusterClient cluster)
    {
        var scope = context.Scope();
        var result = await cluster.GetGrain<IGatherJobsGrain>(0).CreateAsync(scope.Subject, scope.OrganizationId, body);
        return Problems.From(result, job => Results.Created($"/api/v1/gather-jobs/{job.Id}", job));
    }

    private static async Task<IResult> SummaryAsync(HttpContext context, IClusterClient cluster) =>
        Results.Ok(await cluster.GetGrain<IGatherJobsGrain>(0).SummaryAsync(context.Scope().OrganizationId));

    private static async Task<IResult> GetAsync(long id, HttpContext context, IClusterClient cluster) =>
        await OwnJobAsync(id, context, cluster) is { } job ? Results.Ok(await job.GetAsync()) : NotFound(id);

    private static async Task<IResult> ChangeAsync<T>(long id, HttpContext context, IClusterClient cluster, Func<IGatherJobGrain, string, Task<CommandResult<T>>> change, Func<T, IResult> onOk) =>
        await OwnJobAsync(id, context, cluster) is { } job
            ? Problems.From(await change(job, context.Scope().Subject), onOk)
            : NotFound(id);

    /// <summary>The job, if it belongs to the request's organization; another organization's job is "not found".</summary>
    private static async Task<IGatherJobGrain?> OwnJobAsync(long id, HttpContext context, IClusterClient cluster)
    {
        var job = cluster.GetGrain<IGatherJobGrain>(id);
        return await job.GetAsync() is { } record && record.OrganizationId == context.Scope().OrganizationId ? job : null;
    }

    private static IResult NotFound(long id) => Problems.NotFound($"no gather job {id}");
}
