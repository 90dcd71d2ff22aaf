namespace Planekeeper.WebFrontend.Hosting.Surfaces;

public static class SurfaceExtensions
{
    /// <summary>Reads the roles and ports and listens on them.</summary>
    public static FrontendListeners ListenOnConfiguredPorts(this WebApplicationBuilder builder)
    {
        var listeners = FrontendListeners.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(listeners);
        builder.WebHost.UseUrls(listeners.Urls().ToArray());
        return listeners;
    }
}
