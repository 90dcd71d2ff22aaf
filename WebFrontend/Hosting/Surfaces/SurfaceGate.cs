namespace Planekeeper.WebFrontend.Hosting.Surfaces;

/// <summary>
/// Answers 404 for a path this listener does not serve (docs/configuration.md, "Frontend roles"): the internal routes
/// only on the internal port, the API and the Client UI only on the public port of a frontend with that role. The
/// 404 is the error page or problem details, as for any unknown path.
/// </summary>
public sealed class SurfaceGate(RequestDelegate next, FrontendListeners listeners)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (Serves(SurfaceOfPath.Of(context.Request.Path), listeners.IsInternal(context), listeners.Roles))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    public static bool Serves(Surface surface, bool internalListener, FrontendRole roles) => surface switch
    {
        Surface.Probe or Surface.Asset or Surface.SignIn => true,
        Surface.Internal => internalListener,
        Surface.Api => !internalListener && roles.HasFlag(FrontendRole.Api),
        _ => !internalListener && roles.HasFlag(FrontendRole.ClientUi),
    };
}
