namespace Planekeeper.WebFrontend.Identity;

/// <summary>
/// The session cookie: <c>__Host-planekeeper_session</c>, Secure, HttpOnly, SameSite=Lax, Path=/, no Domain — or,
/// in plain-http development, <c>planekeeper_session</c> without Secure (docs/security.md, "Browsers: CSRF, cookies, sessions").
/// </summary>
public static class SessionCookie
{
    public const string SecureName = "__Host-planekeeper_session";
    public const string PlainHttpName = "planekeeper_session";

    public static string Name(PublicOrigin origin) => origin.IsPlainHttp ? PlainHttpName : SecureName;

    public static string? Read(HttpContext context, PublicOrigin origin) =>
        context.Request.Cookies[Name(origin)] is { Length: > 0 } token ? token : null;

    public static void Write(HttpContext context, PublicOrigin origin, string token, TimeSpan lifetime) =>
        context.Response.Cookies.Append(Name(origin), token, Options(origin, lifetime));

    public static void Clear(HttpContext context, PublicOrigin origin) =>
        context.Response.Cookies.Delete(Name(origin), Options(origin, TimeSpan.Zero));

    private static CookieOptions Options(PublicOrigin origin, TimeSpan lifetime) => new()
    {
        HttpOnly = true,
        Secure = !origin.IsPlainHttp,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        MaxAge = lifetime > TimeSpan.Zero ? lifetime : null,
    };
}
