using System.Security.Cryptography;

namespace Planekeeper.Grains.Interfaces.Identity;

/// <summary>
/// Random, URL-safe tokens (session cookies, invite tokens, API key secrets) and their SHA-256 hashes.
/// Only hashes are stored; a plain hash suffices because the tokens carry 256 bits of entropy.
/// </summary>
public static class SecretToken
{
    public static string New(int bytes = 32) => Base64UrlEncode(RandomNumberGenerator.GetBytes(bytes));

    public static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    public static string HashHex(string token) => Convert.ToHexStringLower(Hash(token));

    /// <summary>
    /// Whether <paramref name="token"/> could be one that <see cref="New"/> made with <paramref name="bytes"/> bytes:
    /// the right length, URL-safe base64 only. Lets a caller refuse garbage without a lookup.
    /// </summary>
    public static bool HasShape(string token, int bytes = 32) =>
        token.Length == (bytes * 4 + 2) / 3 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static bool Matches(string token, byte[] expectedHash) => CryptographicOperations.FixedTimeEquals(Hash(token), expectedHash);

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
