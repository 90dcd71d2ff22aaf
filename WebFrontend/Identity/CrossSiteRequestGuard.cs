using Microsoft.AspNetCore.Antiforgery;
using Planekeeper.WebFrontend.Api;
using Planekeeper.WebFrontend.Hosting.Surfaces;
using Planekeeper.WebFrontend.Ui;

namespace Planekeeper.WebFrontend.Identity;

/// <summary>
/// Refuses cross-site writes made with the session cookie (403 problem details): the Origin check of
/// <see cref="CrossSiteRequestPolicy"/>, and for form posts (the only bodies a foreign page can send without asking)
/// an antiforgery token as well. API keys and bearer tokens are never sent by a browser on its own, so requests
/// authenticated by them are not checked. A refused page request gets the 403 page instead of problem details.
/// </summary>
public sealed class CrossSiteRequestGuard(RequestDelegate next, PublicOrigin publicOrigin, FrontendListeners listeners, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Identity().Credential == CredentialKind.Session && await RefusalAsync(context) is { } refusal)
        {
            if (context.Request.IsUi())
            {
                context.Refuse(StatusCodes.Status403Forbidden, refusal);  // the error page says why
                return;
            }

            await Problems.ForbiddenBecause(ProblemCodes.CrossSiteRequest, refusal).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private async Task<string?> RefusalAsync(HttpContext context)
    {
        var request = context.Request;
        if (CrossSiteRequestPolicy.Refusal(request.Method, request.Headers.Origin, request.Headers["Sec-Fetch-Site"], OriginOf(context)) is { } refusal)
        {
            return refusal;
        }

        return IsFormPost(request) && !await antiforgery.IsRequestValidAsync(context)
            ? "the form is missing its antiforgery token, or the token is not valid; reload the page and submit again"
            : null;
    }

    /// <summary>The internal port's pages are reached at the internal URL, every other request at the public one.</summary>
    private PublicOrigin OriginOf(HttpContext context) => listeners.IsInternal(context) ? listeners.InternalOrigin! : publicOrigin;

    private static bool IsFormPost(HttpRequest request) => !CrossSiteRequestPolicy.IsSafe(request.Method)
        && request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() is "application/x-www-form-urlencoded" or "multipart/form-data" or "text/plain";
}
