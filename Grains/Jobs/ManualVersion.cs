namespace Planekeeper.Grains.Jobs;

/// <summary>A version typed by hand: one token of printable characters, as a tag would be.</summary>
public static class ManualVersion
{
    public const int MaxLength = 128;

    /// <returns>Why the version is refused, or null.</returns>
    public static string? Validate(string? version)
    {
        var trimmed = version?.Trim() ?? "";
        return trimmed.Length is 0 or > MaxLength || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            ? $"version must be 1-{MaxLength} characters without spaces, such as 1.29.4 or v2.3.0-rc.1"
            : null;
    }
}
