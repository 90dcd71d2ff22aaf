namespace Planekeeper.Grains.Interfaces.Identity;

public enum SignInStatus
{
    SignedIn,
    WrongCredentials,
    LockedOut,

    /// <summary>The password was right, but a global admin locked the account (told only to who knows the password).</summary>
    LockedByOperator,
}

/// <summary>
/// A sign-in attempt's outcome; the session token and a fresh known-client token (kept by the browser, so a later
/// sign-in from it is not held back by a lock that strangers caused) are present only when signed in.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.identity.sign-in")]
public sealed record SignInResult(
    [property: Id(0)] SignInStatus Status,
    [property: Id(1)] long? UserId,
    [property: Id(2)] string? SessionToken,
    [property: Id(3)] DateTime? LockedUntil,
    [property: Id(4)] DateTime? SessionExpiresAt = null,
    [property: Id(5)] string? KnownClientToken = null);
