namespace Planekeeper.WebFrontend.Hosting;

/// <summary>
/// The headers every response carries, errors included (docs/security.md, "Response headers and proxies"): a CSP
/// that allows no inline or foreign script and no framing, no MIME sniffing, no referrer to other sites, HSTS on https requests only, no Server.
/// </summary>
public static class SecurityHeadersExtensions
{
    public const int HstsMaxAgeSeconds = 365 * 24 * 60 * 60;

    public static void OmitServerHeader(this WebApplicationBuilder builder) =>
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

    /// <summary>
    /// The strict policy everywhere but two third-party pages. The API reference page starts itself with an inline
    /// module script and inline styles: there inline scripts and styles are allowed. The cluster dashboard (internal
    /// port, global admins) sets inline styles and loads its icon fonts (some inlined as data: URLs): there inline styles and fonts are allowed.
    /// Both still load everything from this origin only.
    /// </summary>
    public static void UsePlanekeeperSecurityHeaders(this WebApplication app)
    {
        app.UseWhen(context => context.Request.IsApiReference(), reference => reference.UseSecurityHeaders(Policy(inlineScripts: true, inlineStylesAndFonts: true)));
        app.UseWhen(context => context.Request.IsClusterDashboard(), dashboard => dashboard.UseSecurityHeaders(Policy(inlineScripts: false, inlineStylesAndFonts: true)));
        app.UseWhen(context => !context.Request.IsApiReference() && !context.Request.IsClusterDashboard(), rest => rest.UseSecurityHeaders(Policy(inlineScripts: false, inlineStylesAndFonts: false)));
    }

    private static HeaderPolicyCollection Policy(bool inlineScripts, bool inlineStylesAndFonts) =>
        new HeaderPolicyCollection()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().None();
                var scripts = csp.AddScriptSrc().Self();
                var styles = csp.AddStyleSrc().Self();
                if (inlineScripts)
                {
                    scripts.UnsafeInline();
                }

                if (inlineStylesAndFonts)
                {
                    styles.UnsafeInline();
                    csp.AddFontSrc().Self().Data();
                }

                csp.AddImgSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddFormAction().Self();
                csp.AddBaseUri().None();
                csp.AddFrameAncestors().None();
            })
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            // same-origin, not no-referrer: under no-referrer browsers send "Origin: null" on form posts, which the
            // cross-site check must refuse (docs/security.md). Other sites still get no referrer.
            .AddReferrerPolicySameOrigin()
            .AddCrossOriginOpenerPolicy(policy => policy.SameOrigin())
            .AddStrictTransportSecurityMaxAgeIncludeSubDomains(HstsMaxAgeSeconds)
            .RemoveServerHeader();
}
