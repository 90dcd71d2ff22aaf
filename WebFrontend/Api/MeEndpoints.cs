using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Api;

public static class MeEndpoints
{
    public static void MapMeEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/me", GetAsync).WithName("getMe").WithTags("Authentication")
            .WithSummary("The caller, their organizations, and their effective actions in the current organization.");

    private static async Task<IResult> GetAsync(HttpContext context, IClusterClient cluster, PublicOrigin publicOrigin)
    {
        var identity = context.Identity();
        if (identity.ApiKey is { } key)
        {
            var keyActions = await cluster.GetGrain<IPermissionGrain>(key.OrganizationId).AllowedActionsAsync(identity.Subject!, false);
            return Results.Ok(new { api_key_id = key.KeyId, organization_id = key.OrganizationId, actions = keyActions });
        }

        var user = identity.User!;
        var organizations = user.IsApproved ? await cluster.GetGrain<IOrganizationDirectoryGrain>(0).ListForUserAsync(user.Id) : [];
        var current = CurrentOrganization(context, publicOrigin, organizations);
        var actions = current is null ? [] : await cluster.GetGrain<IPermissionGrain>(current.Id).AllowedActionsAsync(identity.Subject!, user.IsSuperAdmin);
        return Results.Ok(new { user = UserView.From(user), organizations, current_organization_id = current?.Id, actions });
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
