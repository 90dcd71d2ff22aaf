using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Hosting.OpenApi;

/// <summary>
/// Which problem responses a route can give, derived from what is known about it rather than listed per route
/// (docs/api.md, "OpenAPI description"):
/// <list type="bullet">
/// <item>400 and 422 when it reads a body or query parameters; 400 also on organization routes (a session that does not
/// say its organization);</item>
/// <item>401 and 403 unless it is anonymous (403 names the <c>missing_action</c> on organization routes);</item>
/// <item>404 when its path names a resource (<c>{id}</c>, <c>{key}</c>, …);</item>
/// <item>409 for every write (POST, PUT, PATCH, DELETE) of a signed-in caller;</item>
/// <item>412 when it carries an ETag (<see cref="Api.Concurrency.VersionedResource"/>);</item>
/// <item>429 unless the request limit exempts it (<see cref="RateLimiting.RequestPartition"/>);</item>
/// <item>503 on every route: the cluster cannot be reached or is recovering, or the frontend is in maintenance.</item>
/// </list>
/// </summary>
public static class ProblemResponses
{
    public sealed record Route(string Method, string Pattern, RouteAccess? Access, bool TakesInput, bool Versioned, bool RateLimited);

    public static IReadOnlyList<int> For(Route route)
    {
        var signedIn = route.Access is { Kind: not AccessKind.Public };
        var statuses = new List<int>();
        if (route.TakesInput || route.Access?.Kind == AccessKind.Organization)
            statuses.Add(StatusCodes.Status400BadRequest);
        if (signedIn)
            statuses.AddRange([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]);
        if (route.Pattern.Contains('{'))
            statuses.Add(StatusCodes.Status404NotFound);
        if (signedIn && !HttpMethods.IsGet(route.Method))
            statuses.Add(StatusCodes.Status409Conflict);
        if (route.Versioned)
            statuses.Add(StatusCodes.Status412PreconditionFailed);
        if (route.TakesInput)
            statuses.Add(StatusCodes.Status422UnprocessableEntity);
        if (route.RateLimited)
            statuses.Add(StatusCodes.Status429TooManyRequests);
        statuses.Add(StatusCodes.Status503ServiceUnavailable);
        return statuses;
    }
}
