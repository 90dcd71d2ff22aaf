using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Api;

/// <summary>The caller's own sessions and password (docs/api.md, "Sessions and password").</summary>
public static class SessionEndpoints
{
    public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

    /// <summary>How many sessions were ended.</summary>
    public sealed record EndedSessions(int SessionsEnded);

    public static void MapSessionEndpoints(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Authentication");
        me.MapGet("/sessions", ListAsync).WithName("listMySessions").Produces<ItemList<SessionView>>().WithSummary("The caller's active sessions; the one of this request is marked current.");
        me.MapDelete("/sessions/{id}", RevokeAsync).WithName("revokeMySession").Produces(StatusCodes.Status204NoContent).WithSummary("End one of the caller's sessions.");
        me.MapDelete("/sessions", RevokeAllAsync)
            .WithName("revokeMySessions").Produces<EndedSessions>().WithSummary("End the caller's other sessions; with include_current=true the current one too (signs out).");
        me.MapPost("/password", ChangePasswordAsync).WithName("changeMyPassword").Produces<EndedSessions>().WithSummary("Change the caller's password; ends every other session.");
    }

    private static async Task<IResult> ListAsync(HttpContext context, IClusterClient cluster)
    {
        if (NoUser(context) is { } refused)
        {
            return refused;
        }

        var identity = context.Identity();
        return Results.Ok(new ItemList<SessionView>(await cluster.GetGrain<ISessionDirectoryGrain>(0).ListAsync(identity.User!.Id, identity.SessionKey)));
    }

    private static async Task<IResult> RevokeAsync(long id, HttpContext context, IClusterClient cluster, PublicOrigin publicOrigin)
    {
        if (NoUser(context) is { } refused)
        {
            return refused;
        }

        var identity = context.Identity();
        var current = (await cluster.GetGrain<ISessionDirectoryGrain>(0).ListAsync(identity.User!.Id, identity.SessionKey)).Any(s => s.Id == id && s.Current);
        if (!await cluster.GetGrain<ISessionDirectoryGrain>(0).RevokeAsync(identity.User!.Id, id, identity.Subject!))
        {
            return Problems.NotFound($"you have no active session {id}");
        }

        if (current)
        {
            SessionCookie.Clear(context, publicOrigin);
        }

        return Results.NoContent();
    }

    private static async Task<IResult> RevokeAllAsync([FromQuery(Name = "include_current")] bool? includeCurrent, HttpContext context, IClusterClient cluster, PublicOrigin publicOrigin)
    {
        if (NoUser(context) is { } refused)
        {
            return refused;
        }

        var identity = context.Identity();
        var keep = includeCurrent == true ? null : identity.SessionKey;
        var ended = await cluster.GetGrain<ISessionDirectoryGrain>(0).RevokeAllAsync(identity.User!.Id, keep, identity.Subject!);
        if (keep is null)
        {
            SessionCookie.Clear(context, publicOrigin);
        }

        return Results.Ok(new EndedSessions(ended));
    }

    private static async Task<IResult> ChangePasswordAsync(PasswordChange body, HttpContext context, IClusterClient cluster)
    {
        if (NoUser(context) is { } refused)
        {
            return refused;
        }

        var identity = context.Identity();
        if (string.IsNullOrEmpty(body.CurrentPassword))
        {
            return Problems.Invalid("current_password", "current_password is required");
        }

        var result = await cluster.GetGrain<IUserGrain>(identity.User!.Id).ChangePasswordAsync(body.CurrentPassword, body.NewPassword ?? "", identity.SessionKey);
        return Problems.From(result, ended => Results.Ok(new EndedSessions(ended)));
    }

    private static IResult? NoUser(HttpContext context) => context.Identity().User is null
        ? Problems.Forbidden("sessions and passwords belong to users; an API key has neither")
        : null;
}
