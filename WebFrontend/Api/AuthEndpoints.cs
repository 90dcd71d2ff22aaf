using Microsoft.AspNetCore.Antiforgery;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.WebFrontend.Identity;
using Planekeeper.WebFrontend.RateLimiting;

namespace Planekeeper.WebFrontend.Api;

public static class AuthEndpoints
{
    public sealed record Credentials(string? Email, string? Password);

    /// <summary>The antiforgery token, and where a browser form sends it: the form field or the header.</summary>
    public sealed record AntiforgeryToken(string? Token, string FormFieldName, string? HeaderName);

    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Authentication");
        auth.MapPost("/signup", SignUpAsync).WithName("signUp").Produces<UserView>(StatusCodes.Status201Created).WithSummary("Create an account with email and password.");
        auth.MapPost("/login", SignInAsync).WithName("signIn").Produces<UserView>().WithSummary("Sign in; sets the session cookie.");
        auth.MapPost("/logout", SignOutAsync).WithName("signOut").Produces(StatusCodes.Status204NoContent).WithSummary("Sign out; ends the session and clears the cookie.");
        auth.MapGet("/antiforgery", IssueAntiforgeryToken)
            .WithName("getAntiforgeryToken").Produces<AntiforgeryToken>().WithSummary("An antiforgery token for a browser form (field or header), with its cookie; forms posted with the session cookie must carry one.");
    }

    private static async Task<IResult> SignUpAsync(Credentials body, HttpContext context, PasswordSignIn accounts)
    {
        var (refusal, result) = await accounts.SignUpAsync(context, body.Email, body.Password);
        return refusal is not null
            ? Problems.TooManyRequests(refusal.Detail, refusal.RetryAfter)
            : Problems.From(result!, user => Results.Created($"/api/v1/me", UserView.From(user)));
    }

    private static async Task<IResult> SignInAsync(Credentials body, HttpContext context, PasswordSignIn signIn)
    {
        var outcome = await signIn.SignInAsync(context, body.Email, body.Password);
        return outcome.Kind switch
        {
            SignInOutcomeKind.SignedIn => Results.Ok(UserView.From(outcome.User!)),
            SignInOutcomeKind.Invalid => Problems.Invalid(outcome.Field!, outcome.Message),
            SignInOutcomeKind.Throttled => Problems.TooManyRequests(outcome.Message, TimeSpan.FromSeconds(outcome.RetryAfterSeconds)),
            SignInOutcomeKind.LockedOut => new RetryAfter(
                Results.Problem(outcome.Message, statusCode: StatusCodes.Status429TooManyRequests, title: "Locked",
                    extensions: new Dictionary<string, object?> { [ProblemCodes.Key] = ProblemCodes.AccountLocked }), outcome.RetryAfterSeconds),
            SignInOutcomeKind.LockedByOperator => Problems.ForbiddenBecause(ProblemCodes.AccountLockedByOperator, outcome.Message),
            _ => Problems.Unauthorized(outcome.Message),
        };
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, PasswordSignIn signIn)
    {
        await signIn.SignOutAsync(context);
        return Results.NoContent();
    }

    private static IResult IssueAntiforgeryToken(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return Results.Ok(new AntiforgeryToken(tokens.RequestToken, tokens.FormFieldName, tokens.HeaderName));
    }
}
