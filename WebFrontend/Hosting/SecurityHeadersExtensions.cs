namespace Planekeeper.WebFrontend.Hosting;

/// <summary>
/// The headers every response carries, errors included (docs/security.md, "Response headers and proxies"): a CSP
/// that allows no script at all and no framing, no MIME sniffing, no referrer, HSTS on https requests only, no Server.
/// </summary>
public static class SecurityHeadersExtensions
{
    public const int HstsMaxAgeSeconds = 365 * 24 * 60 * 60;

    public static void OmitServerHeader(this WebApplicationBuilder builder) =>
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

    public static void UsePlanekeeperSecurityHeaders(this WebApplication app) =>
        app.UseSecurityHeaders(new HeaderPolicyCollection()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().None();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddFormAction().Self();
                csp.AddBaseUri().None();
                csp.AddFrameAncestors().None();
            })
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyNoReferrer()
            .AddCrossOriginOpenerPolicy(policy => policy.SameOrigin())
            .AddStrictTransportSecurityMaxAgeIncludeSubDomains(HstsMaxAgeSeconds)
            .RemoveServerHeader());
}
