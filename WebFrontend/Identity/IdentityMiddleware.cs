using Planekeeper.ApiKeys;
using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.WebFrontend.Hosting;

namespace Planekeeper.WebFrontend.Identity;

/// <summary>
/// Reads the caller's credential — <c>X-API-Key</c> header, a bearer JWT, or the session cookie — and checks it
/// with the cluster. Sessions and tokens are checked on every request; an accepted API key is used for a second, or up
/// to five minutes while the access change feed confirms it (<see cref="AccessCacheObserver"/>, docs/security.md "Verified
/// API keys"), and forgotten at once when its grain or the feed says it changed. Refusals are cached by <see cref="CredentialLookups"/>. API keys are never read from a cookie: a browser
/// would send that cookie along with a forged request.
/// </summary>
public sealed class IdentityMiddleware(
    RequestDelegate next, IClusterClient cluster, ExternalTokenValidator externalTokens, AccountSettings accounts,
    PublicOrigin publicOrigin, CredentialLookups lookups, AccessCacheObserver cache, GrainReferences grains)
{
    public const string ApiKeyHeader = "X-API-Key";

    public async Task InvokeAsync(HttpContext context)
    {
        context.SetIdentity(await IdentifyAsync(context));
        await next(context);
    }

    private async Task<RequestIdentity> IdentifyAsync(HttpContext context)
    {
        var apiKey = context.Request.Headers[ApiKeyHeader].FirstOrDefault();
        if (!string.IsNullOrEmpty(apiKey))
        {
            return await FromApiKeyAsync(apiKey, context);
        }

        var authorization = context.Request.Headers.Authorization.FirstOrDefault();
        if (authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true)
        {
            return await FromBearerAsync(authorization["Bearer ".Length..].Trim());
        }

        var session = SessionCookie.Read(context, publicOrigin);
        return session is null ? RequestIdentity.Anonymous : await FromSessionAsync(session, context);
    }

    private async Task<RequestIdentity> FromApiKeyAsync(string value, HttpContext context)
    {
        if (!ApiKeyFormat.TryParse(value, out var id, out var secret) || !SecretToken.HasShape(secret, ApiKeyFormat.SecretBytes))
        {
            lookups.Malformed();
            return RequestIdentity.Rejected(CredentialKind.ApiKey, "the API key is malformed (expected pk_<id>_<secret>)");
        }

        var hash = "apikey:" + SecretToken.HashHex(value);
        if (lookups.RefusalWithoutLookup(hash, context) is { } refusal)
        {
            return RequestIdentity.Rejected(CredentialKind.ApiKey, refusal);
        }

        if (cache.ApiKeys.TryGet(id, out var verified) && verified.KeyHash == hash)
        {
            return Accepted(verified.Authentication);
        }

        var lookup = cache.ApiKeys.StartLookup();
        var result = await grains.Get<IApiKeyGrain>(id).AuthenticateAsync(secret, cache.Reference);
        if (result.Accepted)
        {
            lookups.Valid(hash);
            cache.ApiKeys.Remember(id, (hash, result), lookup, result.ExpiresAt is { } expires ? new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc)) : null);
            return Accepted(result);
        }

        var problem = result.Rejection switch
        {
            ApiKeyRejection.Expired => "the API key has expired",
            ApiKeyRejection.Inactive => "the API key is disabled",
            ApiKeyRejection.Deactivated => "the API key was deactivated",
            _ => "the API key is not valid",
        };
        if (result.Rejection is ApiKeyRejection.Unknown or ApiKeyRejection.WrongSecret or ApiKeyRejection.Deactivated)
        {
            lookups.RefusedForGood(hash, problem);
        }

        return RequestIdentity.Rejected(CredentialKind.ApiKey, problem);
    }

    private static RequestIdentity Accepted(ApiKeyAuthentication key) => new(CredentialKind.ApiKey, $"apikey:{key.KeyId}", null, key, null);

    private async Task<RequestIdentity> FromBearerAsync(string token)
    {
        var external = await externalTokens.ValidateAsync(token);
        if (external.Problem is not null)
        {
            return RequestIdentity.Rejected(CredentialKind.BearerToken, external.Problem);
        }

        var userId = await cluster.GetGrain<IAccountsGrain>(0).ResolveExternalUserAsync(external.Subject!, external.Email!, accounts.AutoApprove);
        return userId is null
            ? RequestIdentity.Rejected(CredentialKind.BearerToken, "the token's email belongs to an account that signs in with a password")
            : await FromUserAsync(CredentialKind.BearerToken, userId.Value);
    }

    private async Task<RequestIdentity> FromSessionAsync(string token, HttpContext context)
    {
        const string ended = "the session has ended; sign in again";
        if (!SecretToken.HasShape(token))
        {
            lookups.Malformed();
            return RequestIdentity.Rejected(CredentialKind.Session, ended);
        }

        var grainKey = SecretToken.HashHex(token);
        if (lookups.RefusalWithoutLookup("session:" + grainKey, context) is { } refusal)
        {
            return RequestIdentity.Rejected(CredentialKind.Session, refusal);
        }

        var userId = await cluster.GetGrain<ISessionGrain>(grainKey).GetUserIdAsync();
        if (userId is null)
        {
            lookups.RefusedForGood("session:" + grainKey, ended);
            return RequestIdentity.Rejected(CredentialKind.Session, ended);
        }

        lookups.Valid("session:" + grainKey);
        return (await FromUserAsync(CredentialKind.Session, userId.Value)) with { SessionKey = grainKey };
    }

    private async Task<RequestIdentity> FromUserAsync(CredentialKind credential, long userId)
    {
        var user = await cluster.GetGrain<IUserGrain>(userId).GetAsync();
        return user switch
        {
            null => RequestIdentity.Rejected(credential, "the account no longer exists"),
            // Its sessions ended at the lock; this refuses a bearer token, and a request racing the lock.
            { IsLocked: true } => RequestIdentity.Rejected(credential, PasswordSignIn.LockedByOperatorProblem),
            _ => new RequestIdentity(credential, $"user:{userId}", user, null, null),
        };
    }
}
