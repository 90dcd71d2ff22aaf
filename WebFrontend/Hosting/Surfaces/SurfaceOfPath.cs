namespace Planekeeper.WebFrontend.Hosting.Surfaces;

/// <summary>Sorts a request path into its <see cref="Surface"/>.</summary>
public static class SurfaceOfPath
{
    private static readonly string[] ProbePaths = ["/health", "/ready"];

    private static readonly string[] AssetPaths = ["/css", "/js", "/lib", "/error", "/favicon.ico"];

    private static readonly string[] SignInPaths = ["/login", "/logout", "/api/v1/auth"];

    private static readonly string[] InternalPaths = ["/api/v1/internal", "/internal", "/openapi/internal.json", "/metrics"];

    private static readonly string[] ApiPaths = ["/api", "/openapi"];

    public static Surface Of(PathString path) =>
        Under(path, ProbePaths) ? Surface.Probe
        : Under(path, AssetPaths) ? Surface.Asset
        : Under(path, SignInPaths) ? Surface.SignIn
        : Under(path, InternalPaths) ? Surface.Internal
        : Under(path, ApiPaths) ? Surface.Api
        : Surface.ClientUi;

    private static bool Under(PathString path, string[] prefixes) =>
        prefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
