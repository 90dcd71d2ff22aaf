using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.WebFrontend.Identity;
using Planekeeper.WebFrontend.Ui;

namespace Planekeeper.WebFrontend.Authorization;

/// <summary>
/// <see cref="RouteActions.Pages"/> applied to a Razor page request, with the identity the API uses
/// (<see cref="IdentityMiddleware"/>, the same session cookie): not signed in → <c>/login?returnUrl=…</c>; waiting
/// for approval → <c>/pending-approval</c>; no organization → <c>/onboarding</c>; the current organization suspended →
/// the 403 page saying so (the switcher still lists it); a missing action → the 403 page naming it; a handler without an entry → 404. Sets the page's <see cref="Viewer"/> (docs/ui.md).
/// </summary>
public sealed class PageAccess(IClusterClient cluster, PublicOrigin publicOrigin, SuspensionCheck suspensions)
{
    /// <returns>Whether the page may run; otherwise the response (redirect or error status) is set.</returns>
    public async Task<bool> AllowsAsync(HttpContext context, RouteEndpoint endpoint)
    {
        var request = context.Request;
        var method = HttpMethods.IsHead(request.Method) ? "GET" : request.Method.ToUpperInvariant();
        var handler = request.RouteValues["handler"] as string is { Length: > 0 } routed ? routed : request.Query["handler"].FirstOrDefault();
        var access = RouteActions.ForPage(method, endpoint.RoutePattern.RawText ?? "", handler);
        if (access is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        var identity = context.Identity();
        var viewer = identity.User is { } user ? await ViewerAsync(context, identity, user) : null;
        if (access.Kind == AccessKind.Public)
        {
            return true;
        }

        if (viewer is null)
        {
            return Refuse(context, identity);
        }

        return access.Kind switch
        {
            AccessKind.Authenticated => true,
            _ when !viewer.User.IsApproved => Redirect(context, "/pending-approval"),
            AccessKind.ApprovedUser => true,
            AccessKind.GlobalAdmin => viewer.User.IsSuperAdmin || Forbid(context, "this page is for global admins"),
            AccessKind.Organization => await AuthorizeAsync(context, identity, viewer, access.Action!),
            _ => Forbid(context, "this page is not for signed-in users"),
        };
    }

    private static bool Refuse(HttpContext context, RequestIdentity identity)
    {
        if (identity.IsAuthenticated)
        {
            // An API key or a bearer token without a user behind it cannot use pages.
            return Forbid(context, "pages need a signed-in user; API keys are for the API");
        }

        return Redirect(context, "/login?returnUrl=" + Uri.EscapeDataString(context.Request.ReturnUrl()));
    }

    private async Task<bool> AuthorizeAsync(HttpContext context, RequestIdentity identity, Viewer viewer, string action)
    {
        if (viewer.Current is not { } organization)
        {
            return Redirect(context, "/onboarding");
        }

        if (await suspensions.ReasonAsync(organization.Id) is { } suspended)
        {
            return Forbid(context, suspended);
        }

        if (!await cluster.GetGrain<IPermissionGrain>(organization.Id).IsAllowedAsync(identity.Subject!, identity.IsSuperAdmin, action))
        {
            context.RefuseForMissingAction(action);
            return false;
        }

        context.SetScope(new RequestScope(organization.Id, identity.Subject!, identity.IsSuperAdmin));
        return true;
    }

    /// <summary>
    /// The user's organizations and the current one: the browser's choice, the only one, or else the first (the choice
    /// is then written, so the API acts in the organization the pages show).
    /// </summary>
    private async Task<Viewer> ViewerAsync(HttpContext context, RequestIdentity identity, Grains.Interfaces.Identity.UserRecord user)
    {
        IReadOnlyList<OrganizationSummary> mine = user.IsApproved ? await cluster.GetGrain<IOrganizationDirectoryGrain>(0).ListForUserAsync(user.Id) : [];
        var current = OrganizationSelection.Current(context, publicOrigin, mine) ?? mine.FirstOrDefault();
        if (current is not null && OrganizationCookie.Read(context, publicOrigin) != current.Id)
        {
            OrganizationCookie.Write(context, publicOrigin, current.Id);
        }

        var actions = current is null ? [] : await cluster.GetGrain<IPermissionGrain>(current.Id).AllowedActionsAsync(identity.Subject!, user.IsSuperAdmin);
        var viewer = new Viewer(user, mine, current, actions.ToHashSet(StringComparer.Ordinal));
        context.SetViewer(viewer);
        return viewer;
    }

    private static bool Redirect(HttpContext context, string url)
    {
        context.RedirectTo(url);
        return false;
    }

    private static bool Forbid(HttpContext context, string reason)
    {
        context.Refuse(StatusCodes.Status403Forbidden, reason);
        return false;
    }
}
