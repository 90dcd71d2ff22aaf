using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Authorization;

/// <summary>
/// The organization a browser chose in the UI's switcher (<c>__Host-planekeeper_organization</c>, or
/// <c>planekeeper_organization</c> in plain-http development). Pages and the API read the same cookie, so a script
/// using the browser's session acts in the organization the pages show; an <c>X-Organization-Id</c> header wins.
/// It only names a choice: membership is checked on every request.
/// </summary>
public static class OrganizationCookie
{
    public const string SecureName = "__Host-planekeeper_organization";
    public const string PlainHttpName = "planekeeper_organization";

    public static long? Read(HttpContext context, PublicOrigin origin) =>
        long.TryParse(context.Request.Cookies[Name(origin)], out var id) && id > 0 ? id : null;

    public static void Write(HttpContext context, PublicOrigin origin, long organizationId) =>
        context.Response.Cookies.Append(Name(origin), organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture), new CookieOptions
        {
            HttpOnly = true,
            Secure = !origin.IsPlainHttp,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
        });

    private static string Name(PublicOrigin origin) => origin.IsPlainHttp ? PlainHttpName : SecureName;
}
