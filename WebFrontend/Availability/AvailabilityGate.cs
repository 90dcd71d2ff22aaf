using Planekeeper.WebFrontend.Api;
using Planekeeper.WebFrontend.Hosting.Surfaces;
using Planekeeper.WebFrontend.Ui;

namespace Planekeeper.WebFrontend.Availability;

/// <summary>
/// The public port's 503s (docs/operations.md, "Maintenance and outages"). In maintenance mode the Client UI (its
/// sign-in pages too) answers the *Scheduled maintenance* page and the REST API a <c>maintenance</c> problem, both with
/// <c>Retry-After</c>; the Agent API goes on, so agents finish their work. In an outage (the cluster failed its checks)
/// the Client UI answers *Service temporarily unavailable*. Probes, assets and the internal port are never refused.
/// </summary>
public sealed class AvailabilityGate(RequestDelegate next, AvailabilitySettings settings, OutageState outage, FrontendListeners listeners)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var refusal = listeners.IsInternal(context) ? null : RefusalFor(SurfaceOfPath.Of(context.Request.Path), context.Request.Path);
        if (refusal is null)
        {
            await next(context);
            return;
        }

        var (title, reason, retryAfter) = refusal.Value;
        if (context.Request.IsUi())
        {
            context.RefuseAsUnavailable(title, reason, retryAfter);
            return;
        }

        await new RetryAfter(Results.Problem(reason, statusCode: StatusCodes.Status503ServiceUnavailable, title: title,
            extensions: new Dictionary<string, object?> { [ProblemCodes.Key] = ProblemCodes.Maintenance }), retryAfter).ExecuteAsync(context);
    }

    private (string Title, string Reason, TimeSpan RetryAfter)? RefusalFor(Surface surface, PathString path)
    {
        var clientUi = surface is Surface.ClientUi || (surface is Surface.SignIn && !path.StartsWithSegments("/api"));
        if (settings.MaintenanceMode && (clientUi || (surface is Surface.Api or Surface.SignIn && !path.StartsWithSegments("/api/v1/agent"))))
        {
            return ("Scheduled maintenance",
                "Planekeeper is down for scheduled maintenance. Your data is safe and agents keep running; try again later.",
                settings.MaintenanceRetryAfter);
        }

        return clientUi && outage.IsOut
            ? (ClusterUnreachable.Title, ClusterUnreachable.Reason, settings.OutageCheckInterval)
            : null;
    }
}
