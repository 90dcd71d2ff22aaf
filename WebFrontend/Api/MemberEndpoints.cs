using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.WebFrontend.Api.Concurrency;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Api;

public static class MemberEndpoints
{
    public sealed record RoleChange(string? Role);

    public sealed record NewInvite(string? Email, string? Role);

    /// <summary>A new invitation; <see cref="Token"/> and the <see cref="AcceptPath"/> carrying it are shown only in this answer.</summary>
    public sealed record CreatedInviteView(
        long Id, string Email, string Role, string Status, DateTime CreatedAt, DateTime ExpiresAt, string Token, string AcceptPath);

    public static void MapMemberEndpoints(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Members");
        members.MapGet("/", ListAsync).Produces<Page<MemberRecord>>().WithSummary("Members of the organization with their roles.");
        members.MapGet("/{userId:long}", GetAsync).Produces<MemberRecord>().WithSummary("One member with its roles; its version is the ETag.").WithETag();
        members.MapPut("/{userId:long}", ChangeRoleAsync).Produces<MemberRecord>().WithSummary("Give a member exactly this role. The last owner cannot be demoted.").WithETag();
        members.MapDelete("/{userId:long}", RemoveAsync).Produces(StatusCodes.Status204NoContent).WithSummary("Remove a member. The last owner cannot be removed.").WithETag();

        var invites = api.MapGroup("/invites").WithTags("Members");
        invites.MapGet("/", ListInvitesAsync).Produces<Page<InviteRecord>>().WithSummary("Invitations of the organization.");
        invites.MapPost("/", InviteAsync).Produces<CreatedInviteView>(StatusCodes.Status201Created).WithSummary("Invite an email with a role; the single-use token (7 days) is returned once.");
        invites.MapDelete("/{id:long}", RevokeAsync).Produces<InviteRecord>().WithSummary("Revoke a pending invitation.");
    }

    private static IOrganizationGrain Organization(HttpContext context, IClusterClient cluster) =>
        cluster.GetGrain<IOrganizationGrain>(context.Scope().OrganizationId);

    private static async Task<IResult> ListAsync(HttpContext context, IClusterClient cluster) =>
        Results.Ok(new Page<MemberRecord>(await Organization(context, cluster).ListMembersAsync(), null));

    private static async Task<IResult> GetAsync(long userId, HttpContext context, IClusterClient cluster) =>
        await Organization(context, cluster).GetMemberAsync(userId) is { } member
            ? Versioned.Ok(member)
            : Problems.NotFound($"user {userId} is not a member of this organization");

    private static Task<IResult> ChangeRoleAsync(long userId, RoleChange body, HttpContext context, IClusterClient cluster) =>
        string.IsNullOrWhiteSpace(body.Role)
            ? Task.FromResult(Problems.Invalid("role", "role is required"))
            : Versioned.WriteAsync(context, async expected => Problems.From(
                await Organization(context, cluster).ChangeMemberRoleAsync(context.Scope().Subject, userId, body.Role, expected), Versioned.Ok));

    private static Task<IResult> RemoveAsync(long userId, HttpContext context, IClusterClient cluster) =>
        Versioned.WriteAsync(context, async expected => Problems.From(
            await Organization(context, cluster).RemoveMemberAsync(context.Scope().Subject, userId, expected), _ => Results.NoContent()));

    private static async Task<IResult> ListInvitesAsync(HttpContext context, IClusterClient cluster) =>
        Results.Ok(new Page<InviteRecord>(await Organization(context, cluster).ListInvitesAsync(), null));

    private static async Task<IResult> InviteAsync(NewInvite body, HttpContext context, IClusterClient cluster)
    {
        var result = await Organization(context, cluster).CreateInviteAsync(context.Scope().Subject, body.Email ?? "", body.Role ?? "member");
        return Problems.From(result, created => Results.Created($"/api/v1/invites/{created.Invite.Id}", new CreatedInviteView(
            created.Invite.Id, created.Invite.Email, created.Invite.Role, created.Invite.Status, created.Invite.CreatedAt, created.Invite.ExpiresAt,
            created.Token, $"/api/v1/invites/{created.Token}/accept")));
    }

    private static async Task<IResult> RevokeAsync(long id, HttpContext context, IClusterClient cluster) =>
        Problems.From(await Organization(context, cluster).RevokeInviteAsync(context.Scope().Subject, id), Results.Ok);
}
