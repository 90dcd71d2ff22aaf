using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Api;

/// <summary>The internal API for global admins: so far, account approval.</summary>
public static class InternalEndpoints
{
    public static void MapInternalEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/internal/users").WithTags("Internal");
        users.MapGet("/", ListAsync).WithSummary("Every account; ?status=pending for those waiting for approval.");
        users.MapPost("/{userId:long}/approve", ApproveAsync).WithSummary("Let an account use the product.");
    }

    private static async Task<IResult> ListAsync(string? status, IClusterClient cluster)
    {
        if (status is not (null or "pending" or "all"))
        {
            return Problems.Invalid("status", "status must be pending or all");
        }

        var users = await cluster.GetGrain<IAccountsGrain>(0).ListUsersAsync(status == "pending");
        return Results.Ok(new { items = users.Select(UserView.From), next_cursor = (string?)null });
    }

    private static async Task<IResult> ApproveAsync(long userId, HttpContext context, IClusterClient cluster) =>
        await cluster.GetGrain<IUserGrain>(userId).SetApprovedAsync(context.Identity().Subject!, true) is { } user
            ? Results.Ok(UserView.From(user))
            : Problems.NotFound($"no user {userId}");
}
