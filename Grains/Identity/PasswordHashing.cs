using Microsoft.AspNetCore.Identity;
using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.Grains.Identity;

/// <summary>
/// Salted PBKDF2 password hashes in ASP.NET Core Identity's format (HMAC-SHA512, per-user salt, iteration
/// count stored in the hash so it can be raised later without breaking existing users).
/// </summary>
public static class PasswordHashing
{
    public const int MinimumLength = PasswordLimits.MinimumLength;
    public const int MaximumLength = PasswordLimits.MaximumLength;

    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object NoUser = new();

    /// <summary>Used when the account does not exist, so the answer takes as long as a real check.</summary>
    private static readonly string DecoyHash = Hash("decoy password for unknown accounts");

    public static string Hash(string password) => Hasher.HashPassword(NoUser, password);

    public static bool Verify(string? hash, string password)
    {
        var result = Hasher.VerifyHashedPassword(NoUser, hash ?? DecoyHash, password);
        return hash is not null && result != PasswordVerificationResult.Failed;
    }

    public static string? Validate(string? password) => password switch
    {
        null or "" => "password is required",
        { Length: < MinimumLength } => $"password must have at least {MinimumLength} characters",
        { Length: > MaximumLength } => $"password must have at most {MaximumLength} characters",
        _ => null,
    };
}
