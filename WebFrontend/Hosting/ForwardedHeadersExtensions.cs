using Microsoft.AspNetCore.HttpOverrides;

namespace Planekeeper.WebFrontend.Hosting;

public static class ForwardedHeadersExtensions
{
    /// <summary>
    /// Behind a TLS-terminating proxy (Traefik in deploy/), X-Forwarded-Proto/For/Host/Prefix are believed only from
    /// the addresses in <c>PLANEKEEPER_TRUSTED_PROXIES</c>: the request then counts as https (Secure cookie, HSTS),
    /// carries the client's address, and has the public host and path base (the OpenAPI description's <c>servers</c>).
    /// From anyone else the headers are ignored, so a client cannot claim https or another host.
    /// </summary>
    public static void UseForwardedHeadersFromTrustedProxies(this WebApplication app)
    {
        var proxies = TrustedProxies.FromConfiguration(app.Configuration);
        if (proxies.Count == 0)
        {
            return;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var network in proxies)
        {
            options.KnownIPNetworks.Add(network);
        }

        app.UseForwardedHeaders(options);
    }
}
