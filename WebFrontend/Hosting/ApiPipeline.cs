using Planekeeper.WebFrontend.Api;
using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Health;
using Planekeeper.WebFrontend.Hosting.Input;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Hosting;

public static class ApiPipeline
{
    public static void AddPlanekeeperApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<UnreadableRequestHandler>();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton(AccountSettings.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton(ExternalTokenSettings.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton<JwksCache>();
        builder.Services.AddSingleton<ExternalTokenValidator>();
    }

    /// <summary>Identity first, then routing, then the route table's access check, then the endpoints.</summary>
    public static void UsePlanekeeperApi(this WebApplication app)
    {
        app.UseForwardedHeadersWhenTrusted();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestBodyLimits();
        app.UseMiddleware<IdentityMiddleware>();
        app.UseRouting();
        app.UseMiddleware<AccessMiddleware>();

        app.MapHealthEndpoints();
        app.MapPlanekeeperApi();
        app.MapPlanekeeperOpenApi();
        app.EnsureEveryRouteIsDeclared();
    }
}
