using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.RateLimiting;

/// <summary>
/// Whose budget a request draws from: the API key's or the signed-in user's when the credential was accepted,
/// otherwise the client address's. The Agent API (but not its anonymous bootstrap) and the probes <c>/health</c> and
/// <c>/ready</c> draw from none: a refused probe would take a healthy frontend out of its load balancer.
/// </summary>
public static class RequestPartition
{
    /// <returns>The partition key, or null when the request is exempt.</returns>
    public static string? Of(HttpContext context)
    {
        if (IsExempt(context.Request.Path))
        {
            return null;
        }

        return context.Identity().Subject ?? ClientAddress(context);
    }

    /// <summary>Whether requests to <paramref name="path"/> draw from no budget (also read by the OpenAPI description's 429s).</summary>
    public static bool IsExempt(PathString path) =>
        path.Equals("/health", StringComparison.OrdinalIgnoreCase) || path.Equals("/ready", StringComparison.OrdinalIgnoreCase)
        || (path.StartsWithSegments("/api/v1/agent", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/api/v1/agent/bootstrap", StringComparison.OrdinalIgnoreCase));

    /// <summary>The connection's remote address (after any trusted-proxy handling earlier in the pipeline), an IPv6 one by its /64.</summary>
    public static string ClientAddress(HttpContext context) => $"ip:{Api.ClientAddress.CountingKey(context.Connection.RemoteIpAddress)}";
}
