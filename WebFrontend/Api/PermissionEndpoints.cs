using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Api;

public static class PermissionEndpoints
{
    /// <summary>Whether the member may perform the action, what decided it, and the statements that allowed or denied it.</summary>
    public sealed record PermissionDecision(
        long UserId, long OrganizationId, string Action, bool Allowed,
        [property: ValuesOf(typeof(PermissionDecision), nameof(PermissionDecision.Deciders))] string DecidedBy,
        IReadOnlyList<string> Roles, IReadOnlyList<DecidingStatement> Allowing, IReadOnlyList<DecidingStatement> Denying)
    {
        public static IReadOnlyList<string> Deciders { get; } = ["global admin", "deny statement", "allow statement", "no matching statement"];
    }

    /// <summary>One audit log entry; its details as JSON.</summary>
    public sealed record AuditEntry(long Id, long? OrganizationId, string? Actor, string Action, string? Target, JsonElement Details, DateTime CreatedAt);

    public static void MapPermissionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/permissions/explain", ExplainAsync).WithName("explainPermissions").WithTags("Roles")
            .Produces<PermissionDecision>().WithSummary("Whether a member may perform an action here, and the roles and statements that decided it.");
        api.MapGet("/audit-log", AuditLogAsync).WithTags("Audit")
            .Produces<Page<AuditEntry>>().WithSummary("Sign-ins, key, role and membership changes of the organization, newest first; ?kind= (auth, api_key, …) and ?user_id= narrow it.");
    }

    private static async Task<IResult> ExplainAsync([FromQuery(Name = "user_id")] long? userId, string? action, HttpContext context, IClusterClient cluster)
    {
        if (userId is not long id)
        {
            return Problems.Invalid("user_id", "user_id is required");
        }

        var scope = context.Scope();
        var user = await cluster.GetGrain<IUserGrain>(id).GetAsync();
        if (user is null || !await cluster.GetGrain<IOrganizationGrain>(scope.OrganizationId).IsMemberAsync(id))
        {
            return Problems.NotFound($"user {id} is not a member of this organization");
        }

        var result = await cluster.GetGrain<IPermissionGrain>(scope.OrganizationId).ExplainAsync($"user:{id}", user.IsSuperAdmin, action ?? "");
        return Problems.From(result, explanation => Results.Ok(new PermissionDecision(
            id, scope.OrganizationId, explanation.Action, explanation.Allowed,
            explanation.BySuperAdmin ? "global admin" : explanation.Denying.Count > 0 ? "deny statement" : explanation.Allowing.Count > 0 ? "allow statement" : "no matching statement",
            explanation.Roles, explanation.Allowing, explanation.Denying)));
    }

    private static async Task<IResult> AuditLogAsync(
        int? limit, string? cursor, [ValuesOf(typeof(AuditLogFilter), nameof(AuditLogFilter.Kinds))] string? kind, [FromQuery(Name = "user_id")] long? userId, HttpContext context, IClusterClient cluster)
    {
        // The audit log runs newest first, so its cursor is the last id seen going down.
        if (Paging.Parse(limit, cursor) is not { } request)
        {
            return Paging.Problem(limit);
        }

        if (kind is not null && !AuditLogFilter.Kinds.Contains(kind))
        {
            return Problems.Invalid("kind", $"kind must be one of {string.Join(", ", AuditLogFilter.Kinds)}");
        }

        var filter = new AuditLogFilter(kind, userId);
        var page = await cluster.GetGrain<IAuditLogGrain>(0).ListAsync(context.Scope().OrganizationId, filter, request.Limit, request.After);
        var items = page.Items.Select(entry => new AuditEntry(
            entry.Id, entry.OrganizationId, entry.Actor, entry.Action, entry.Target, JsonDocument.Parse(entry.Details).RootElement.Clone(), entry.CreatedAt));
        return Results.Ok(new Page<AuditEntry>([.. items], page.NextCursor));
    }
}
