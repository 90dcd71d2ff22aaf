using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.WebFrontend.RateLimiting;

namespace Planekeeper.WebFrontend.Identity;

public enum SignInOutcomeKind
{
    SignedIn,
    Invalid,
    Throttled,
    LockedOut,
    LockedByOperator,
    WrongCredentials,
}

/// <summary>How a password sign-in ended; <see cref="Field"/> names the field of an invalid one.</summary>
public sealed record SignInOutcome(SignInOutcomeKind Kind, string Message, UserRecord? User = null, string? Field = null, int RetryAfterSeconds = 0);

/// <summary>
/// Sign-up and sign-in with email and password, the one path for <c>/api/v1/auth/*</c> and the account pages: the
/// throttles, the account's lockout, the session cookie and the known-client cookie (docs/security.md).
/// </summary>
public sealed class PasswordSignIn(IClusterClient cluster, PublicOrigin publicOrigin, SignInThrottle throttle, AccountSettings accounts, TimeProvider clock)
{
    /// <summary>Left by a successful sign-in; a later sign-in from the same browser is not held back by the account's lock.</summary>
    public const string KnownClientCookie = "planekeeper_known_client";

    /// <summary>Said only after the right password (docs/operations.md, "Locking an account").</summary>
    public const string LockedByOperatorProblem = "the account is locked by an operator of this Planekeeper; ask them to unlock it";

    /// <summary>The known-client cookie is sent only to the paths that sign in: the API's and the sign-in page.</summary>
    private static readonly string[] KnownClientPaths = ["/api/v1/auth", "/login"];

    /// <returns>The throttle's refusal (nothing was hashed), or the account's creation: the user, or the fields' messages.</returns>
    /// <param name="approved">True for an early-access invitation's sign-up (approved whatever <c>AUTO_APPROVE_USERS</c> says).</param>
    public async Task<(ThrottleRefusal? Refusal, CommandResult<UserRecord>? Result)> SignUpAsync(HttpContext context, string? email, string? password, bool approved = false)
    {
        if (await throttle.RefusalAsync(context, email ?? "", knownClientToken: null) is { } refusal)
        {
            return (refusal, null);
        }

        return (null, await cluster.GetGrain<IAccountsGrain>(0).SignUpAsync(email ?? "", password ?? "", approved || accounts.AutoApprove));
    }

    public async Task<SignInOutcome> SignInAsync(HttpContext context, string? email, string? password)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return new SignInOutcome(SignInOutcomeKind.Invalid, "email and password are required", Field: string.IsNullOrWhiteSpace(email) ? "email" : "password");
        }

        if (password.Length > PasswordLimits.MaximumLength)
        {
            return new SignInOutcome(SignInOutcomeKind.Invalid, $"password must have at most {PasswordLimits.MaximumLength} characters", Field: "password");
        }

        var knownClient = context.Request.Cookies[KnownClientCookie];
        if (await throttle.RefusalAsync(context, email, knownClient) is { } refusal)
        {
            return new SignInOutcome(SignInOutcomeKind.Throttled, refusal.Detail, RetryAfterSeconds: refusal.RetryAfterSeconds);
        }

        var origin = SessionOrigin.From(context.Request.Headers.UserAgent.FirstOrDefault(), context.Connection.RemoteIpAddress?.ToString());
        var result = await cluster.GetGrain<IAccountsGrain>(0).SignInAsync(email, password, origin, knownClient);
        switch (result.Status)
        {
            case SignInStatus.LockedOut:
                var seconds = Math.Max((int)Math.Ceiling((result.LockedUntil!.Value - clock.GetUtcNow().UtcDateTime).TotalSeconds), 1);
                return new SignInOutcome(
                    SignInOutcomeKind.LockedOut,
                    "too many failed sign-ins; the account is locked for a while for browsers that have not signed in to it before",
                    RetryAfterSeconds: seconds);
            case SignInStatus.LockedByOperator:
                return new SignInOutcome(SignInOutcomeKind.LockedByOperator, LockedByOperatorProblem);
            case SignInStatus.WrongCredentials:
                return new SignInOutcome(SignInOutcomeKind.WrongCredentials, "wrong email or password");
        }

        SessionCookie.Write(context, publicOrigin, result.SessionToken!, result.SessionExpiresAt!.Value - clock.GetUtcNow().UtcDateTime);
        foreach (var path in KnownClientPaths)
        {
            context.Response.Cookies.Append(KnownClientCookie, result.KnownClientToken!, KnownClientCookieOptions(publicOrigin, path));
        }

        var user = await cluster.GetGrain<IUserGrain>(result.UserId!.Value).GetAsync();
        return new SignInOutcome(SignInOutcomeKind.SignedIn, "signed in", user);
    }

    /// <summary>Ends the session of the request's cookie, if any, and clears the cookie.</summary>
    public async Task SignOutAsync(HttpContext context)
    {
        if (SessionCookie.Read(context, publicOrigin) is { } token)
        {
            await cluster.GetGrain<ISessionGrain>(SecretToken.HashHex(token)).CloseAsync();
        }

        SessionCookie.Clear(context, publicOrigin);
    }

    /// <summary>Sent only to the sign-in paths; it outlives sign-out on purpose (it proves nothing by itself).</summary>
    private static CookieOptions KnownClientCookieOptions(PublicOrigin origin, string path) => new()
    {
        HttpOnly = true,
        Secure = !origin.IsPlainHttp,
        SameSite = SameSiteMode.Strict,
        Path = path,
        MaxAge = TimeSpan.FromDays(90),
    };
}
