using Microsoft.AspNetCore.HttpOverrides;

namespace Planekeeper.WebFrontend.Hosting;

public static class ForwardedHeadersExtensions
{
    /// <summary>
    /// Behind a TLS-terminating proxy (Traefik in deploy/), <c>PLANEKEEPER_TRUST_FORWARDED_HEADERS=true</c> makes
    /// the frontend believe X-Forwarded-Proto/For, so the session cookie is marked Secure. Off by default: a
    /// frontend reachable directly must not let clients claim https.
    /// </summary>
    public static void UseForwardedHeadersWhenTrusted(this WebApplication app)
    {
        if (!bool.TryParse(app.Configuration["PLANEKEEPER_TRUST_FORWARDED_HEADERS"], out var trusted) || !trusted)
        {
            return;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        app.UseForwardedHeaders(options);
    }
}
