using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Api;

public static class MeEndpoints
{
    /// <summary>A signed-in person: the account, their organizations, the current one and their actions in it.</summary>
    public sealed record UserCaller(UserView User, IReadOnlyList<OrganizationSummary> Organizations, long? CurrentOrganizationId, IReadOnlyList<string> Actions);

    /// <summary>An API key: its id, its organization and the actions its roles allow.</summary>
    public sealed record KeyCaller(long ApiKeyId, long OrganizationId, IReadOnlyList<string> Actions);

    public static void MapMeEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/me", GetAsync).WithName("getMe").WithTags("Authentication")
            .Produces<UserCaller>().Produces<KeyCaller>()
            .WithSummary("The caller, their organizations, and their effective actions in the current organization.");

    private static async Task<IResult> GetAsync(HttpContext context, IClusterClient cluster, PublicOrigin publicOrigin)
    {
        var identity = context.Identity();
        if (identity.ApiKey is { } key)
        {
            var keyActions = await cluster.GetGrain<IPermissionGrain>(key.OrganizationId).AllowedActionsAsync(identity.Subject!, false);
            return Results.Ok(new KeyCaller(key.KeyId, key.OrganizationId, keyActions));
        }

        var user = identity.User!;
        var organizations = user.IsApproved ? await cluster.GetGrain<IOrganizationDirectoryGrain>(0).ListForUserAsync(user.Id) : [];
        var current = CurrentOrganization(context, publicOrigin, organizations);
        var actions = current is null ? [] : await cluster.GetGrain<IPermissionGrain>(current.Id).AllowedActionsAsync(identity.Subject!, user.IsSuperAdmin);
        return Results.Ok(new UserCaller(UserView.From(user), organizations, current?.Id, actions));
    }

    /// <summary>The header's organization, else the browser's choice or the only one (as <see cref="AccessMiddleware"/> picks it).</summary>
    private static OrganizationSummary? CurrentOrganization(HttpContext context, PublicOrigin publicOrigin, IReadOnlyList<OrganizationSummary> organizations)
    {
        var header = context.Request.Headers[AccessMiddleware.OrganizationHeader].FirstOrDefault();
        return long.TryParse(header, out var id)
            ? organizations.FirstOrDefault(o => o.Id == id)
            : OrganizationSelection.Current(context, publicOrigin, organizations);
    }
}
