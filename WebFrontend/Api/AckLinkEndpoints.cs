using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Api;

/// <summary>
/// Acknowledge links (<c>/ack/{token}</c>, docs/notifications.md, "Acknowledge links"): GET shows the alert and a
/// button, POST acknowledges — a GET never changes anything, so link previews and mail scanners cannot acknowledge.
/// With the channel's <c>require_ack_auth</c>, the caller must be signed in and hold <c>alerts:acknowledge</c> in the
/// alert's organization.
/// </summary>
public static class AckLinkEndpoints
{
    public const string AcknowledgeAction = "alerts:acknowledge";

    public static void MapAckLinkEndpoints(this WebApplication app)
    {
        app.MapGet("/ack/{token}", ShowAsync).WithName("getAckLink").WithTags("Acknowledge links").Produces<string>(StatusCodes.Status200OK, "text/html").WithSummary("The alert an acknowledge link stands for, with an Acknowledge button.");
        app.MapPost("/ack/{token}", AcknowledgeAsync).WithName("acknowledgeByLink").WithTags("Acknowledge links").Produces<string>(StatusCodes.Status200OK, "text/html").WithSummary("Acknowledge the link's alert.");
    }

    private static async Task<IResult> ShowAsync(string token, HttpContext context, IClusterClient cluster, IAntiforgery antiforgery)
    {
        var link = await cluster.GetGrain<IAckLinkGrain>(0).InspectAsync(token);
        if (ProblemPage(link) is { } problem)
        {
            return problem;
        }

        var note = link.Acknowledged ? "<p>The alert is already acknowledged.</p>"
            : link.RequireAuth ? "<p>Acknowledging needs a signed-in member of the organization who may acknowledge alerts.</p>" : "";
        return Page(200, "Acknowledge alert", $"""
            <p>{Encode(link.Summary)}</p>{note}
            <form method="post">{AntiforgeryField(antiforgery.GetAndStoreTokens(context))}<button type="submit">Acknowledge</button></form>
            """);
    }

    private static async Task<IResult> AcknowledgeAsync(string token, HttpContext context, IClusterClient cluster)
    {
        var link = await cluster.GetGrain<IAckLinkGrain>(0).InspectAsync(token);
        if (ProblemPage(link) is { } problem)
        {
            return problem;
        }

        string? actor = null;
        if (link.RequireAuth)
        {
            if (await RefusalAsync(context.Identity(), link.OrganizationId, cluster) is { } refused)
            {
                return refused;
            }

            actor = context.Identity().Subject;
        }

        var result = await cluster.GetGrain<IAckLinkGrain>(0).AcknowledgeAsync(token, actor);
        return result.Status switch
        {
            CommandStatus.Ok => Page(200, "Alert acknowledged", $"<p>{Encode(link.Summary)}</p><p>The alert is acknowledged.</p>"),
            CommandStatus.Conflict => Page(409, "Nothing to acknowledge", $"<p>{Encode(result.Detail)}.</p>"),
            _ => Page(404, "Alert not found", "<p>The alert of this link no longer exists.</p>"),
        };
    }

    private static async Task<IResult?> RefusalAsync(RequestIdentity identity, long organizationId, IClusterClient cluster)
    {
        if (identity.User is not { IsApproved: true } user)
        {
            return Page(401, "Sign in to acknowledge", "<p>This channel's links need you to be signed in. Sign in, then open the link again.</p>");
        }

        var allowed = await cluster.GetGrain<IOrganizationGrain>(organizationId).IsMemberAsync(user.Id)
            && await cluster.GetGrain<IPermissionGrain>(organizationId).IsAllowedAsync(identity.Subject!, identity.IsSuperAdmin, AcknowledgeAction);
        return allowed ? null : Page(403, "Not allowed", $"<p>You may not acknowledge alerts of this organization ({AcknowledgeAction}).</p>");
    }

    private static IResult? ProblemPage(AckLinkView link) => link.Problem switch
    {
        null => null,
        "expired" => Page(410, "Link expired", "<p>This acknowledge link has expired (links are valid for 24 hours). Acknowledge the alert in Planekeeper instead.</p>"),
        "resolved" => Page(409, "Alert resolved", $"<p>{Encode(link.Summary)}</p><p>The alert is already resolved; there is nothing to acknowledge.</p>"),
        "not_found" => Page(404, "Alert not found", "<p>The alert of this link no longer exists.</p>"),
        _ => Page(400, "Invalid link", "<p>This acknowledge link is not valid. Copy the whole link from the notification.</p>"),
    };

    private static IResult Page(int status, string title, string body) => Results.Content(
        $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)} · Planekeeper</title></head>
        <body><main><h1>{Encode(title)}</h1>{body}</main></body></html>
        """,
        "text/html; charset=utf-8", statusCode: status);

    /// <summary>A signed-in browser's form post needs the token (docs/security.md, "Browsers: CSRF, cookies, sessions").</summary>
    private static string AntiforgeryField(AntiforgeryTokenSet tokens) =>
        $"""<input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken)}">""";

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
