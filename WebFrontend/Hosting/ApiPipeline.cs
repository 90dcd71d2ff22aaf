using Planekeeper.WebFrontend.Api;
using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Health;
using Planekeeper.WebFrontend.Identity;
using Planekeeper.WebFrontend.RateLimiting;

namespace Planekeeper.WebFrontend.Hosting;

public static class ApiPipeline
{
    public static void AddPlanekeeperApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton(AccountSettings.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton(ExternalTokenSettings.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton<JwksCache>();
        builder.Services.AddSingleton<ExternalTokenValidator>();
        builder.Services.AddSingleton<CredentialLookups>();
        builder.AddPlanekeeperRateLimiting();
    }

    /// <summary>Identity first, then the rate limit (per key, user or address), routing, the route table's access check, the endpoints.</summary>
    public static void UsePlanekeeperApi(this WebApplication app)
    {
        app.UseForwardedHeadersWhenTrusted();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<IdentityMiddleware>();
        app.UseRateLimiter();
        app.UseRouting();
        app.UseMiddleware<AccessMiddleware>();

        app.MapHealthEndpoints();
        app.MapPlanekeeperApi();
        app.MapPlanekeeperOpenApi();
        app.EnsureEveryRouteIsDeclared();
    }
}
