using Microsoft.AspNetCore.Antiforgery;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Api;

public static class AuthEndpoints
{
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

    private static async Task<IResult> SignUpAsync(Credentials body, IClusterClient cluster, AccountSettings accounts)
    {
        var result = await cluster.GetGrain<IAccountsGrain>(0).SignUpAsync(body.Email ?? "", body.Password ?? "", accounts.AutoApprove);
        return Problems.From(result, user => Results.Created($"/api/v1/me", UserView.From(user)));
    }

    private static async Task<IResult> SignInAsync(Credentials body, HttpContext context, IClusterClient cluster, PublicOrigin publicOrigin)
    {
        if (string.IsNullOrWhiteSpace(body.Email) || string.IsNullOrEmpty(body.Password))
        {
            return Problems.Invalid(new Dictionary<string, string[]>
            {
                [string.IsNullOrWhiteSpace(body.Email) ? "email" : "password"] = ["email and password are required"],
            });
        }

        var origin = SessionOrigin.From(context.Request.Headers.UserAgent.FirstOrDefault(), context.Connection.RemoteIpAddress?.ToString());
        var result = await cluster.GetGrain<IAccountsGrain>(0).SignInAsync(body.Email, body.Password, origin);
        switch (result.Status)
        {
            case SignInStatus.LockedOut:
                var wait = (int)Math.Ceiling((result.LockedUntil!.Value - DateTime.UtcNow).TotalSeconds);
                context.Response.Headers.RetryAfter = Math.Max(wait, 1).ToString();
                return Results.Problem("too many failed sign-ins; the account is locked for a while", statusCode: StatusCodes.Status429TooManyRequests, title: "Locked");
            case SignInStatus.WrongCredentials:
                return Problems.Unauthorized("wrong email or password");
        }

        SessionCookie.Write(context, publicOrigin, result.SessionToken!, result.SessionExpiresAt!.Value - DateTime.UtcNow);
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

    private static IResult IssueAntiforgeryToken(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return Results.Ok(new { token = tokens.RequestToken, form_field_name = tokens.FormFieldName, header_name = tokens.HeaderName });
    }
}
