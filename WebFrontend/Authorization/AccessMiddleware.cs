using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.WebFrontend.Api;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Authorization;

/// <summary>
/// Applies <see cref="RouteActions"/> to every matched route: 401 without a valid credential, 403 naming the
/// missing action, 404 for an organization the caller does not belong to, 403 <c>organization_suspended</c> for a
/// request made in a suspended organization (<see cref="SuspensionCheck"/>). Runs after routing. Razor pages pass
/// through <see cref="PageAccess"/>, which applies the same table with redirects and error pages instead.
/// </summary>
public sealed class AccessMiddleware(RequestDelegate next, IClusterClient cluster, PublicOrigin publicOrigin, PageAccess pages, SuspensionCheck suspensions)
{
    public const string OrganizationHeader = "X-Organization-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is RouteEndpoint page && RouteActionsCheck.IsPage(page))
        {
            if (await pages.AllowsAsync(context, page))
            {
                await next(context);
            }

            return;
        }

        var denial = await CheckAsync(context);
        if (denial is null)
        {
            await next(context);
        }
        else
        {
            await denial.ExecuteAsync(context);
        }
    }

    private async Task<IResult?> CheckAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint)
        {
            return null;
        }

        var access = RouteActions.For(context.Request.Method, endpoint.RoutePattern.RawText ?? "")
            ?? throw new InvalidOperationException($"no RouteActions entry for {context.Request.Method} {endpoint.RoutePattern.RawText}");
        if (access.Kind == AccessKind.Public)
        {
            return null;
        }

        var identity = context.Identity();
        if (!identity.IsAuthenticated)
        {
            return Problems.Unauthorized(identity.Problem ?? "sign in, or send an API key in the X-API-Key header");
        }

        // An API key (an agent's too) acts in its organization whatever the route.
        if (identity.ApiKey is { } apiKey && await suspensions.DenialAsync(apiKey.OrganizationId) is { } suspended)
        {
            return suspended;
        }

        if (access.Kind == AccessKind.Authenticated)
        {
            return null;
        }

        if (access.Kind == AccessKind.AgentKey)
        {
            return RequireAgentKey(context, identity);
        }

        if (access.Kind is AccessKind.ApprovedUser or AccessKind.GlobalAdmin || identity.ApiKey is null)
        {
            if (RequireApprovedUser(identity) is { } denied)
            {
                return denied;
            }
        }

        return access.Kind switch
        {
            AccessKind.Organization => await AuthorizeAsync(context, identity, access.Action!),
            AccessKind.GlobalAdmin when !identity.IsSuperAdmin => Problems.Forbidden("this route is for global admins"),
            _ => null,
        };
    }

    private static IResult? RequireAgentKey(HttpContext context, RequestIdentity identity)
    {
        if (identity.ApiKey is not { } key)
        {
            return Problems.Forbidden("the Agent API takes an API key (X-API-Key), not a user session");
        }

        context.SetScope(new RequestScope(key.OrganizationId, identity.Subject!, false));
        return null;
    }

    private static IResult? RequireApprovedUser(RequestIdentity identity) => identity.User switch
    {
        null => Problems.Forbidden("this route needs a signed-in user, not an API key"),
        { IsApproved: false } => Problems.ForbiddenBecause(ProblemCodes.ApprovalPending, "the account is waiting for a global admin's approval"),
        _ => null,
    };

    private async Task<IResult?> AuthorizeAsync(HttpContext context, RequestIdentity identity, string action)
    {
        var selection = identity.ApiKey is { } key
            ? OrganizationSelection.Chosen(key.OrganizationId)
            : await UserOrganizationAsync(context, identity);
        if (selection.Problem is { } problem)
        {
            return problem;
        }

        var organizationId = selection.OrganizationId;
        if (identity.ApiKey is null && await suspensions.DenialAsync(organizationId) is { } suspended)
        {
            // Global admins too: they lift the suspension from the internal API or the Internal UI.
            return suspended;
        }

        if (!await cluster.GetGrain<IPermissionGrain>(organizationId).IsAllowedAsync(identity.Subject!, identity.IsSuperAdmin, action))
        {
            return Problems.Forbidden($"missing permission {action} in organization {organizationId}", action);
        }

        context.SetScope(new RequestScope(organizationId, identity.Subject!, identity.IsSuperAdmin));
        return null;
    }

    private async Task<OrganizationSelection> UserOrganizationAsync(HttpContext context, RequestIdentity identity)
    {
        var header = context.Request.Headers[OrganizationHeader].FirstOrDefault();
        if (header is null)
        {
            var mine = await cluster.GetGrain<IOrganizationDirectoryGrain>(0).ListForUserAsync(identity.User!.Id);
            return OrganizationSelection.Current(context, publicOrigin, mine) is { } current
                ? OrganizationSelection.Chosen(current.Id)
                : OrganizationSelection.Refused(Problems.BadRequest($"send the {OrganizationHeader} header: you belong to {mine.Count} organizations"));
        }

        if (!long.TryParse(header, out var organizationId) || organizationId <= 0)
        {
            return OrganizationSelection.Refused(Problems.BadRequest($"{OrganizationHeader} must be an organization id, got '{header}'"));
        }

        return await cluster.GetGrain<IOrganizationGrain>(organizationId).IsMemberAsync(identity.User!.Id)
            ? OrganizationSelection.Chosen(organizationId)
            : OrganizationSelection.Refused(Problems.NotFound($"organization {organizationId} not found"));
    }
}
