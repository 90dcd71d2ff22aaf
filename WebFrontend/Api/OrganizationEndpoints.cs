using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Api;

public static class OrganizationEndpoints
{
    public sealed record NewOrganization(string? Name);

    public static void MapOrganizationEndpoints(this RouteGroupBuilder api)
    {
        var organizations = api.MapGroup("/organizations").WithTags("Organizations");
        organizations.MapGet("/", ListAsync).Produces<Page<OrganizationSummary>>().WithSummary("The organizations the signed-in user belongs to, with their roles.");
        organizations.MapPost("/", CreateAsync).Produces<OrganizationSummary>(StatusCodes.Status201Created).WithSummary("Create an organization; the caller becomes its owner.");
        api.MapPost("/invites/{token}/accept", AcceptInviteAsync).WithTags("Members")
            .Produces<OrganizationSummary>().WithSummary("Accept an invitation sent to the signed-in user's email; adds the membership.");
    }

    private static async Task<IResult> ListAsync(HttpContext context, IClusterClient cluster) =>
        Results.Ok(new Page<OrganizationSummary>(await cluster.GetGrain<IOrganizationDirectoryGrain>(0).ListForUserAsync(context.Identity().User!.Id), null));

    private static async Task<IResult> CreateAsync(NewOrganization body, HttpContext context, IClusterClient cluster)
    {
        var result = await cluster.GetGrain<IOrganizationDirectoryGrain>(0).CreateAsync(body.Name ?? "", context.Identity().User!.Id);
        return Problems.From(result, organization => Results.Created($"/api/v1/organizations/{organization.Id}", organization));
    }

    private static async Task<IResult> AcceptInviteAsync(string token, HttpContext context, IClusterClient cluster) =>
        Problems.From(await cluster.GetGrain<IOrganizationDirectoryGrain>(0).AcceptInviteAsync(token, context.Identity().User!.Id), Results.Ok);
}
