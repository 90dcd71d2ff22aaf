using System.Text.Json;
using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.WebFrontend.Api.Concurrency;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Api;

public static class RoleEndpoints
{
    public sealed record RoleBody(string? Key, string? Name, string? Description, JsonElement? Policy);

    public sealed record Assignment(long? UserId);

    /// <summary>Every role the member holds after the change.</summary>
    public sealed record MemberRoles(long UserId, IReadOnlyList<string> Roles);

    public static void MapRoleEndpoints(this RouteGroupBuilder api)
    {
        var roles = api.MapGroup("/roles").WithTags("Roles");
        roles.MapGet("/", ListAsync).Produces<Page<RoleView>>().WithSummary("Built-in and custom roles, with their policy documents.");
        roles.MapPost("/", CreateAsync).Produces<RoleView>(StatusCodes.Status201Created).WithSummary("Create a custom role from an IAM-style policy document.");
        roles.MapGet("/{key}", GetAsync).Produces<RoleView>().WithSummary("One role; its version is the ETag.").WithETag();
        roles.MapPut("/{key}", UpdateAsync).Produces<RoleView>().WithSummary("Replace a custom role's name, description and policy.").WithETag();
        roles.MapDelete("/{key}", DeleteAsync).Produces(StatusCodes.Status204NoContent).WithSummary("Delete a custom role that nobody holds.").WithETag();
        roles.MapPost("/{key}/assign", AssignAsync).Produces<MemberRoles>().WithSummary("Give a member this role (in addition to their others).");
        roles.MapDelete("/{key}/assign/{userId:long}", UnassignAsync).WithName("unassignRole").Produces<MemberRoles>().WithSummary("Take this role from a member.");
    }

    private static IPermissionGrain Permissions(HttpContext context, IClusterClient cluster) =>
        cluster.GetGrain<IPermissionGrain>(context.Scope().OrganizationId);

    private static async Task<IResult> ListAsync(HttpContext context, IClusterClient cluster) =>
        Results.Ok(new Page<RoleView>([.. (await Permissions(context, cluster).ListRolesAsync()).Select(RoleView.From)], null));

    private static async Task<IResult> GetAsync(string key, HttpContext context, IClusterClient cluster) =>
        await Permissions(context, cluster).GetRoleAsync(key) is { } role ? Ok(role) : Problems.NotFound($"no role '{key}'");

    private static async Task<IResult> CreateAsync(RoleBody body, HttpContext context, IClusterClient cluster)
    {
        var result = await Permissions(context, cluster).CreateRoleAsync(context.Scope().Subject, body.Key ?? "", body.Name ?? "", body.Description ?? "", PolicyText(body));
        return Problems.From(result, role => Versioned.Tagged(Results.Created($"/api/v1/roles/{role.Key}", RoleView.From(role)), role.Version));
    }

    private static Task<IResult> UpdateAsync(string key, RoleBody body, HttpContext context, IClusterClient cluster) =>
        Versioned.WriteAsync(context, async expected => Problems.From(
            await Permissions(context, cluster).UpdateRoleAsync(context.Scope().Subject, key, body.Name ?? "", body.Description ?? "", PolicyText(body), expected),
            Ok));

    private static Task<IResult> DeleteAsync(string key, HttpContext context, IClusterClient cluster) =>
        Versioned.WriteAsync(context, async expected =>
            Problems.From(await Permissions(context, cluster).DeleteRoleAsync(context.Scope().Subject, key, expected), _ => Results.NoContent()));

    /// <summary>200 with the role's view and its <c>ETag</c>.</summary>
    private static IResult Ok(RoleRecord role) => Versioned.Tagged(Results.Ok(RoleView.From(role)), role.Version);

    private static async Task<IResult> AssignAsync(string key, Assignment body, HttpContext context, IClusterClient cluster)
    {
        if (body.UserId is not long userId)
        {
            return Problems.Invalid("user_id", "user_id is required");
        }

        if (!await IsMemberAsync(context, cluster, userId))
        {
            return Problems.NotFound($"user {userId} is not a member of this organization");
        }

        if (await Permissions(context, cluster).GetRoleAsync(key) is null)
        {
            return Problems.NotFound($"no role '{key}'");
        }

        var result = await Permissions(context, cluster).AssignAsync(context.Scope().Subject, $"user:{userId}", key);
        return Problems.From(result, roles => Results.Ok(new MemberRoles(userId, roles)));
    }

    private static async Task<IResult> UnassignAsync(string key, long userId, HttpContext context, IClusterClient cluster)
    {
        if (!await IsMemberAsync(context, cluster, userId))
        {
            return Problems.NotFound($"user {userId} is not a member of this organization");
        }

        var result = await Permissions(context, cluster).UnassignAsync(context.Scope().Subject, $"user:{userId}", key);
        return Problems.From(result, roles => Results.Ok(new MemberRoles(userId, roles)));
    }

    private static Task<bool> IsMemberAsync(HttpContext context, IClusterClient cluster, long userId) =>
        cluster.GetGrain<IOrganizationGrain>(context.Scope().OrganizationId).IsMemberAsync(userId);

    private static string PolicyText(RoleBody body) => body.Policy is { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } policy
        ? policy.ValueKind == JsonValueKind.String ? policy.GetString()! : policy.GetRawText()
        : "";

    /// <summary>A role with its policy document as JSON.</summary>
    public sealed record RoleView(string Key, string Name, string Description, bool BuiltIn, JsonElement Policy)
    {
        public static RoleView From(RoleRecord role) =>
            new(role.Key, role.Name, role.Description, role.BuiltIn, JsonDocument.Parse(role.Policy).RootElement.Clone());
    }
}
