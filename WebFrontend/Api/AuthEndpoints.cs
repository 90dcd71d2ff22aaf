using Microsoft.AspNetCore.Antiforgery;
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
        auth.MapGet("/antiforgery", IssueAntiforgeryToken)
            .WithSummary("An antiforgery token for a browser form (field or header), with its cookie; forms posted with the session cookie must carry one.");
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

    private static async Task<IResult> SignInAsync(Credentials body, HttpContext context, IClusterClient cluster, PublicOrigin publicOrigin, SignInThrottle throttle)
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

        var origin = SessionOrigin.From(context.Request.Headers.UserAgent.FirstOrDefault(), context.Connection.RemoteIpAddress?.ToString());
        var result = await cluster.GetGrain<IAccountsGrain>(0).SignInAsync(body.Email, body.Password, origin, knownClient);
        switch (result.Status)
        {
            case SignInStatus.LockedOut:
                context.Response.Headers.RetryAfter = Math.Max((int)Math.Ceiling((result.LockedUntil!.Value - DateTime.UtcNow).TotalSeconds), 1).ToString();
                return Results.Problem(
                    "too many failed sign-ins; the account is locked for a while for browsers that have not signed in to it before",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Locked",
                    extensions: new Dictionary<string, object?> { [ProblemCodes.Key] = ProblemCodes.AccountLocked });
            case SignInStatus.WrongCredentials:
                return Problems.Unauthorized("wrong email or password");
        }

        SessionCookie.Write(context, publicOrigin, result.SessionToken!, result.SessionExpiresAt!.Value - DateTime.UtcNow);
        context.Response.Cookies.Append(KnownClientCookie, result.KnownClientToken!, KnownClientCookieOptions(publicOrigin));
        var user = await cluster.GetGrain<IUserGrain>(result.UserId!.Value).GetAsync();
        return Results.Ok(UserView.From(user!));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IClusterClient cluster, PublicOrigin publicOrigin)
    {
        if (SessionCookie.Read(context, publicOrigin) is { } token)
        {
            await cluster.GetGrain<ISessionGrain>(SecretToken.HashHex(token)).CloseAsync();
        }

        SessionCookie.Clear(context, publicOrigin);
        return Results.NoContent();
    }

    /// <summary>Sent only to the authentication routes; it outlives sign-out on purpose (it proves nothing by itself).</summary>
    private static CookieOptions KnownClientCookieOptions(PublicOrigin origin) => new()
    {
        HttpOnly = true,
        Secure = !origin.IsPlainHttp,
        SameSite = SameSiteMode.Strict,
        Path = "/api/v1/auth",
        MaxAge = TimeSpan.FromDays(90),
    };

    private static IResult IssueAntiforgeryToken(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return Results.Ok(new { token = tokens.RequestToken, form_field_name = tokens.FormFieldName, header_name = tokens.HeaderName });
    }
}
