using Microsoft.Extensions.DependencyInjection.Extensions;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.WebFrontend.Announcements;
using Planekeeper.WebFrontend.Api;
using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Availability;
using Planekeeper.WebFrontend.Health;
using Planekeeper.WebFrontend.Hosting.Input;
using Planekeeper.WebFrontend.Hosting.Surfaces;
using Planekeeper.WebFrontend.Identity;
using Planekeeper.WebFrontend.Metrics;
using Planekeeper.WebFrontend.RateLimiting;

namespace Planekeeper.WebFrontend.Hosting;

public static class ApiPipeline
{
    public static void AddPlanekeeperApi(this WebApplicationBuilder builder)
    {
        var publicOrigin = PublicOrigin.FromConfiguration(builder.Configuration);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context => ProblemCodes.Apply(context.ProblemDetails));
        builder.Services.AddExceptionHandler<UnreadableRequestHandler>();
        builder.Services.AddExceptionHandler<ClusterUnreachableHandler>();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton(publicOrigin);
        builder.Services.AddPlanekeeperAntiforgery(publicOrigin);
        builder.Services.AddSingleton(AccountSettings.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton(ExternalTokenSettings.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton<JwksCache>();
        builder.Services.AddSingleton<ExternalTokenValidator>();
        builder.Services.AddSingleton<CredentialLookups>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AccessCacheObserver>();
        builder.Services.AddHostedService<AccessChangeFeed>();
        builder.Services.AddSingleton<GrainReferences>();
        builder.Services.AddSingleton<HeldClaims>();
        builder.Services.AddSingleton<SuspensionCheck>();
        builder.Services.AddSingleton<PasswordSignIn>();
        builder.AddGracefulShutdown();
        builder.AddPlanekeeperAvailability();
        builder.AddPlanekeeperBanner();
        builder.AddPlanekeeperMetrics();
        builder.AddPlanekeeperRateLimiting();
        builder.AddPlanekeeperPages();
        builder.OmitServerHeader();
    }

    /// <summary>
    /// Proxies and security headers first (so every response has them, errors included), the UI's error pages and
    /// static files, the surface gate (a path this listener does not serve is 404), maintenance and outage 503s, then identity, the rate limit (per key, user or address), the cross-site check, routing, the route
    /// table's access check (API routes and pages alike), and the endpoints.
    /// </summary>
    public static void UsePlanekeeperApi(this WebApplication app)
    {
        app.UseForwardedHeadersFromTrustedProxies();
        app.UsePlanekeeperSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UsePlanekeeperPageErrorsAndStaticFiles();
        app.UseMiddleware<SurfaceGate>();
        app.UseMiddleware<AvailabilityGate>();
        app.UseRequestBodyLimits();
        app.UseMiddleware<IdentityMiddleware>();
        app.UseRateLimiter();
        app.UseMiddleware<CrossSiteRequestGuard>();
        app.UseRouting();
        app.UseMiddleware<AccessMiddleware>();

        app.MapHealthEndpoints();
        app.MapPlanekeeperMetrics();
        app.MapPlanekeeperApi();
        app.MapPlanekeeperOpenApi();
        app.MapPlanekeeperApiReference();
        app.MapClusterDashboard();
        app.MapRazorPages();
        app.EnsureEveryRouteIsDeclared();
    }
}
