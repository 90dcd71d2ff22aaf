using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.WebFrontend.Identity;

public enum CredentialKind
{
    None,
    ApiKey,
    BearerToken,
    Session,
}

/// <summary>
/// Who is calling: a signed-in user (session cookie or bearer JWT) or an API key. Set once per request by
/// <see cref="IdentityMiddleware"/>. A presented but refused credential leaves <see cref="Subject"/> null and
/// says why in <see cref="Problem"/>.
/// </summary>
public sealed record RequestIdentity(CredentialKind Credential, string? Subject, UserRecord? User, ApiKeyAuthentication? ApiKey, string? Problem)
{
    /// <summary>The grain key of the session the request was signed in with (the hash of the cookie, never the cookie).</summary>
    public string? SessionKey { get; init; }

    public static readonly RequestIdentity Anonymous = new(CredentialKind.None, null, null, null, null);

    public bool IsAuthenticated => Subject is not null;

    public bool IsSuperAdmin => User?.IsSuperAdmin ?? false;

    public static RequestIdentity Rejected(CredentialKind credential, string problem) => new(credential, null, null, null, problem);
}
