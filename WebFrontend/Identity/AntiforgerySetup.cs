using Microsoft.AspNetCore.Antiforgery;

namespace Planekeeper.WebFrontend.Identity;

/// <summary>
/// ASP.NET Core antiforgery for browser forms: a token in the form field <c>__RequestVerificationToken</c> (or the
/// <c>X-CSRF-TOKEN</c> header) paired with an HttpOnly cookie, checked by <see cref="CrossSiteRequestGuard"/>.
/// </summary>
public static class AntiforgerySetup
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static void AddPlanekeeperAntiforgery(this IServiceCollection services, PublicOrigin origin) => services.AddAntiforgery(options =>
    {
        options.HeaderName = HeaderName;
        options.Cookie.Name = origin.IsPlainHttp ? "planekeeper_antiforgery" : "__Host-planekeeper_antiforgery";
        options.Cookie.SecurePolicy = origin.IsPlainHttp ? CookieSecurePolicy.None : CookieSecurePolicy.Always;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.Path = "/";
        // The security headers already forbid framing (DENY); antiforgery's SAMEORIGIN would weaken that.
        options.SuppressXFrameOptionsHeader = true;
    });
}
