using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Planekeeper.Configuration;

namespace Planekeeper.WebFrontend.Authorization;

/// <summary>
/// Refuses to start when a route is mapped without an entry in <see cref="RouteActions"/> — every route, not
/// only <c>/api/</c>, and every handler of every Razor page, so no request can reach an endpoint or a page handler
/// whose requirement nobody declared.
/// </summary>
public static class RouteActionsCheck
{
    public static IReadOnlyList<string> MissingEntries(IEnumerable<Endpoint> endpoints) =>
        endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => !IsPage(endpoint))
            .SelectMany(endpoint => Methods(endpoint).Select(method => (method, pattern: RouteActions.Normalize(endpoint.RoutePattern.RawText!))))
            .Where(route => RouteActions.For(route.method, route.pattern) is null)
            .Select(route => $"{route.method} {route.pattern}")
            .ToList();

    /// <summary>The page handlers that have no entry in <paramref name="declared"/> (by default <see cref="RouteActions.Pages"/>).</summary>
    public static IReadOnlyList<string> MissingPageEntries(IEnumerable<PageHandler> handlers, IReadOnlyDictionary<PageHandler, RouteAccess>? declared = null) =>
        handlers.Where(handler => !(declared ?? RouteActions.Pages).ContainsKey(handler)).Select(handler => handler.ToString()).ToList();

    /// <summary>Every handler of every page endpoint, as Razor Pages itself finds them (compiled page descriptors).</summary>
    public static async Task<IReadOnlyList<PageHandler>> PageHandlersAsync(IEnumerable<Endpoint> endpoints, PageLoader loader)
    {
        var handlers = new List<PageHandler>();
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>().Where(IsPage))
        {
            var compiled = await loader.LoadAsync(endpoint.Metadata.GetMetadata<PageActionDescriptor>()!, endpoint.Metadata);
            var pattern = RouteActions.Normalize(endpoint.RoutePattern.RawText!);
            handlers.AddRange(compiled.HandlerMethods.Count == 0
                ? [new PageHandler("GET", pattern)]
                : compiled.HandlerMethods.Select(h => new PageHandler(h.HttpMethod.ToUpperInvariant(), pattern, h.Name)));
        }

        return handlers;
    }

    public static void EnsureEveryRouteIsDeclared(this WebApplication app)
    {
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).ToList();
        var pageHandlers = PageHandlersAsync(endpoints, app.Services.GetRequiredService<PageLoader>()).GetAwaiter().GetResult();
        var missing = MissingEntries(endpoints).Concat(MissingPageEntries(pageHandlers)).ToList();
        if (missing.Count > 0)
        {
            throw new StartupConfigurationException($"routes without an entry in Authorization/RouteActions: {string.Join(", ", missing)}");
        }
    }

    public static bool IsPage(Endpoint endpoint) => endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
}
