using Planekeeper.Configuration;

namespace Planekeeper.WebFrontend.Authorization;

/// <summary>
/// Refuses to start when a route is mapped without an entry in <see cref="RouteActions"/> — every route, not
/// only <c>/api/</c>, so no request can reach an endpoint whose requirement nobody declared.
/// </summary>
public static class RouteActionsCheck
{
    public static IReadOnlyList<string> MissingEntries(IEnumerable<Endpoint> endpoints) =>
        endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint => Methods(endpoint).Select(method => (method, pattern: RouteActions.Normalize(endpoint.RoutePattern.RawText!))))
            .Where(route => RouteActions.For(route.method, route.pattern) is null)
            .Select(route => $"{route.method} {route.pattern}")
            .ToList();

    public static void EnsureEveryRouteIsDeclared(this WebApplication app)
    {
        var missing = MissingEntries(((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints));
        if (missing.Count > 0)
        {
            throw new StartupConfigurationException($"routes without an entry in Permissions/RouteActions: {string.Join(", ", missing)}");
        }
    }

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
}
