namespace Planekeeper.Grains.Jobs;

/// <summary>A version as stored (typed by hand or reported by an agent): one token of printable characters, as a tag would be.</summary>
public static class VersionToken
{
    public const int MaxLength = 128;

    /// <returns>Why the version is refused (surrounding spaces included: trim typed input first), or null.</returns>
    public static string? Validate(string? version)
    {
        var token = version ?? "";
        return token.Length is 0 or > MaxLength || token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            ? $"version must be 1-{MaxLength} characters without spaces, such as 1.29.4 or v2.3.0-rc.1"
            : null;
    }
}
