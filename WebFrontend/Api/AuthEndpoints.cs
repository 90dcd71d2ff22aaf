using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.WebFrontend.Identity;
using Planekeeper.WebFrontend.RateLimiting;

namespace Planekeeper.WebFrontend.Api;

public static class AuthEndpoints
{
    /// <summary>Left by a successful sign-in; a later sign-in from the same browser is not held back by the account's lock.</summary>
    public const string KnownClientCookie = "planekeeper_known_client";

    public sealed record Credentials(string? Email, string? Password);

    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Authentication");
        auth.MapPost("/signup", SignUpAsync).WithSummary("Create an account with email and password.");
        auth.MapPost("/login", SignInAsync).WithSummary("Sign in; sets the session cookie.");
        auth.MapPost("/logout", SignOutAsync).WithSummary("Sign out; ends the session and clears the cookie.");
    }

    private static async Task<IResult> SignUpAsync(Credentials body, HttpContext context, IClusterClient cluster, AccountSettings accounts, SignInThrottle throttle)
    {
        if (await throttle.RefusalAsync(context, body.Email ?? "", knownClientToken: null) is { } refusal)
        {
            return refusal;
        }

        var result = await cluster.GetGrain<IAccountsGrain>(0).SignUpAsync(body.Email ?? "", body.Password ?? "", accounts.AutoApprove);
        return Problems.From(result, user => Results.Created($"/api/v1/me", UserView.From(user)));
    }

    private static async Task<IResult> SignInAsync(Credentials body, HttpContext context, IClusterClient cluster, SignInThrottle throttle)
    {
        if (string.IsNullOrWhiteSpace(body.Email) || string.IsNullOrEmpty(body.Password))
        {
            return Problems.Invalid(new Dictionary<string, string[]>
            {
                [string.IsNullOrWhiteSpace(body.Email) ? "email" : "password"] = ["email and password are required"],
            });
        }

        if (body.Password.Length > PasswordLimits.MaximumLength)
        {
            return Problems.Invalid("password", $"password must have at most {PasswordLimits.MaximumLength} characters");
        }

        var knownClient = context.Request.Cookies[KnownClientCookie];
        if (await throttle.RefusalAsync(context, body.Email, knownClient) is { } refusal)
        {
            return refusal;
        }

        var result = await cluster.GetGrain<IAccountsGrain>(0).SignInAsync(body.Email, body.Password, knownClient);
        switch (result.Status)
        {
            case SignInStatus.LockedOut:
                context.Response.Headers.RetryAfter = Math.Max((int)Math.Ceiling((result.LockedUntil!.Value - DateTime.UtcNow).TotalSeconds), 1).ToString();
                return Results.Problem(
                    "too many failed sign-ins; the account is locked for a while for browsers that have not signed in to it before",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Locked");
            case SignInStatus.WrongCredentials:
                return Problems.Unauthorized("wrong email or password");
        }

        context.Response.Cookies.Append(IdentityMiddleware.SessionCookie, result.SessionToken!, SessionCookieOptions(context));
        context.Response.Cookies.Append(KnownClientCookie, result.KnownClientToken!, KnownClientCookieOptions(context));
        var user = await cluster.GetGrain<IUserGrain>(result.UserId!.Value).GetAsync();
        return Results.Ok(UserView.From(user!));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IClusterClient cluster)
    {
        if (context.Request.Cookies[IdentityMiddleware.SessionCookie] is { Length: > 0 } token)
        {
            await cluster.GetGrain<ISessionGrain>(SecretToken.HashHex(token)).CloseAsync();
        }

        context.Response.Cookies.Delete(IdentityMiddleware.SessionCookie, SessionCookieOptions(context));
        return Results.NoContent();
    }

    /// <summary>Sent only to the authentication routes; it outlives sign-out on purpose (it proves nothing by itself).</summary>
    private static CookieOptions KnownClientCookieOptions(HttpContext context)
    {
        var options = SessionCookieOptions(context);
        options.SameSite = SameSiteMode.Strict;
        options.Path = "/api/v1/auth";
        options.MaxAge = TimeSpan.FromDays(90);
        return options;
    }

    private static CookieOptions SessionCookieOptions(HttpContext context) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        MaxAge = TimeSpan.FromDays(14),
    };
}
