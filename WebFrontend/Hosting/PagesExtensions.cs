using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Ui;

namespace Planekeeper.WebFrontend.Hosting;

/// <summary>
/// The web UI (docs/ui.md): Razor Pages under <c>Pages/</c>, one folder per area, served by the same host, identity
/// and route table as the API; static files (<c>wwwroot/</c>: the stylesheet, vendored htmx) need no sign-in.
/// </summary>
public static class PagesExtensions
{
    public static void AddPlanekeeperPages(this WebApplicationBuilder builder)
    {
        // Serves wwwroot from the project while running from the build output; a published app carries wwwroot itself.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorPages();
        builder.Services.AddSingleton<PageAccess>();
    }

    public static void UsePlanekeeperPageErrorsAndStaticFiles(this WebApplication app)
    {
        app.UseMiddleware<ErrorPageMiddleware>();
        app.UseStaticFiles();
    }
}
